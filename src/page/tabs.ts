/** The three views as ARIA tabs: click, or the arrow keys, Home and End on the tab list. */
import { byId } from './dom.js';

export type TabName = 'doctor' | 'generate' | 'explain';

export interface Tabs {
  select(name: TabName, focus?: boolean): void;
  current(): TabName;
}

export function setUpTabs(names: readonly TabName[], onChange: () => void): Tabs {
  let current: TabName = names[0] ?? 'doctor';
  const tab = (name: TabName): HTMLElement => byId(`tab-${name}`);
  const select = (name: TabName, focus = false): void => {
    current = name;
    for (const other of names) {
      const selected = other === name;
      tab(other).setAttribute('aria-selected', String(selected));
      tab(other).tabIndex = selected ? 0 : -1;
      byId(`panel-${other}`).hidden = !selected;
    }
    if (focus) tab(name).focus();
    onChange();
  };
  names.forEach((name, index) => {
    tab(name).addEventListener('click', () => select(name));
    tab(name).addEventListener('keydown', (event) => {
      const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: names.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      select(names[(to + names.length) % names.length] ?? name, true);
    });
  });
  return { select, current: () => current };
}
