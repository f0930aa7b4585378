# zsh complete-in-zsh.zsh <completion script> <line>...
#
# What zsh's completion system offers for each line typed, as a person at an
# interactive zsh would get it by pressing Tab: an interactive `zsh -f` on a
# pseudo-terminal (zsh/zpty) loads compinit and the script, then has each line
# typed, a Tab, and the line cleared. compadd is wrapped so that every match
# it is given is also printed. Prints, for each line, "<line N>" and then its
# matches, one a line.
zmodload zsh/zpty || exit 3
local script=$1
shift
zpty shell zsh -f -i
zpty -w shell "PS1='' PS2='' RPS1=''; autoload -Uz compinit; compinit -u -D; source ${(q)script}; compdef _zoomsig zoomsig"
zpty -w shell 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -A hits "$@"; local hit; for hit in $hits; do print -r -- "<match>$hit</match>" >/dev/tty; done; builtin compadd "$@"; }'
zpty -w shell "zstyle ':completion:*' menu no; print -r -- '<ready'\$'>' >/dev/tty"
local out
# Typed before zsh reads its first line, a Tab could be lost: wait for the shell to be ready.
zpty -r -t shell out '*<ready>*' || { sleep 0.2; zpty -r shell out '*<ready>*'; } || exit 4
local n=0 line
for line in "$@"; do
  (( n++ ))
  zpty -n -w shell "$line"$'\t\C-u'
  zpty -w shell "print -r -- '<line $n'\$'>' >/dev/tty"
  zpty -r shell out "*<line $n>*" || exit 5
  print -r -- "<line $n>"
  print -r -- "$out" | grep -o '<match>[^<]*</match>' | sed -e 's/^<match>//' -e 's/<\/match>$//' | sort -u
done
zpty -d shell
