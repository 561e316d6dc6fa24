import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { memo } from '../../../src/ui/memo';

const host = document.createElement('div');
afterEach(() => render(null, host));

it('renders again only when a prop changed, compared by identity', () => {
  let renders = 0;
  const Label = memo(({ text }: { text: string; extra?: object }) => {
    renders += 1;
    return <span>{text}</span>;
  });
  const extra = {};
  render(<Label text="one" extra={extra} />, host);
  render(<Label text="one" extra={extra} />, host);
  expect(renders).toBe(1);
  render(<Label text="two" extra={extra} />, host);
  expect(host.textContent).toBe('two');
  render(<Label text="two" extra={{}} />, host);
  render(<Label text="two" />, host);
  expect(renders).toBe(4);
});
