/**
 * A component that renders again only when a prop changed (compared one by one, by identity), as
 * React's `memo`. Preact has it only in `preact/compat`, whose module patches preact's options as it
 * loads: the pages stay on plain preact. The popup renders its shop list once per worker reply;
 * without this, each start-up reply (apps, health, login status) rendered every row again.
 */
import { Component, type FunctionComponent, h } from 'preact';

function propsDiffer(before: object, after: object): boolean {
  const old = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  for (const key in old) if (!(key in next)) return true;
  for (const key in next) if (old[key] !== next[key]) return true;
  return false;
}

export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return propsDiffer(this.props, next);
    }
    override render(props: P) {
      return h(render as FunctionComponent<object>, props);
    }
  }
  (Memo as { displayName?: string }).displayName = `Memo(${render.displayName ?? render.name})`;
  return Memo as unknown as FunctionComponent<P>;
}
