# zsh complete-in-zsh.zsh <completion script> <line>...
#
# What zsh's completion system offers for each line typed, as a person at an
# interactive zsh would get it by pressing Tab: an interactive `zsh -f` on a
# pseudo-terminal (zsh/zpty) loads compinit and the script, then has each line
# typed, a Tab, and the line cleared. compadd is wrapped so that every match
# it is given is also printed. Prints, for each line, "<line N>" and then its
# matches, one a line.
#
# Each line is typed only once the prompt is shown, that is once zle reads the
# terminal: typed while a command runs, the terminal is in cooked mode, and its
# line discipline would take the Ctrl-U for its own and erase the line. The
# markers are written so that the terminal's echo of the commands that print
# them holds none of them (\x3c is "<").
zmodload zsh/zpty || exit 3
local script=$1
shift
zpty shell zsh -f -i
zpty -w shell "PS1=\$'\\x3cprompt>' PS2='' RPS1=''; autoload -Uz compinit; compinit -u -D; source ${(q)script}; compdef _zoomsig zoomsig"
zpty -w shell 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -A hits "$@"; local hit; for hit in $hits; do print -r -- $'"'"'\x3cmatch>'"'"'$hit$'"'"'\x3c/match>'"'"' >/dev/tty; done; builtin compadd "$@"; }'
zpty -w shell "zstyle ':completion:*' menu no; print -r -- \$'\\x3cready>' >/dev/tty"
local out
zpty -r shell out '*<ready>*<prompt>*' || exit 4
local n=0 line
for line in "$@"; do
  (( n++ ))
  zpty -n -w shell "$line"$'\t\C-u'
  zpty -w shell "print -r -- \$'\\x3cline $n>' >/dev/tty"
  zpty -r shell out "*<line $n>*<prompt>*" || exit 5
  print -r -- "<line $n>"
  print -r -- "${out%%<line $n>*}" | grep -o '<match>[^<]*</match>' | sed -e 's/^<match>//' -e 's/<\/match>$//' | sort -u
done
zpty -d shell
