import { describe, expect, it } from 'vitest';
import { cachedRead } from '../../../src/shared/cached-read';

/** A source answering from a script of values and failures, counting its calls. */
function scripted(answers: (number | Error)[]) {
  const calls = { count: 0 };
  const source = async () => {
    calls.count += 1;
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next as number;
  };
  return { source, calls };
}

describe('cachedRead', () => {
  it('reads the source once, then answers from memory until told it changed', async () => {
    const { source, calls } = scripted([1, 2]);
    const settings = cachedRead(source);
    expect([await settings.read(), await settings.read(), await settings.read()]).toEqual([1, 1, 1]);
    expect(calls.count).toBe(1);
    settings.forget();
    expect([await settings.read(), await settings.read()]).toEqual([2, 2]);
    expect(calls.count).toBe(2);
  });

  it('fails while nothing was read; after a change, a failing source leaves the last value read', async () => {
    const { source, calls } = scripted([new Error('disk'), 1, new Error('disk'), 3]);
    const settings = cachedRead(source);
    await expect(settings.read()).rejects.toThrow('disk');
    expect(await settings.read()).toBe(1);
    settings.forget();
    expect(await settings.read()).toBe(1); // the source failed: the last value stands in
    expect(await settings.read()).toBe(3); // and is not kept as fresh: this read went to the source
    expect(await settings.read()).toBe(3);
    expect(calls.count).toBe(4);
  });

  it('does not keep as fresh an answer read before a change was reported', async () => {
    let release: (value: number) => void = () => {};
    const answers = [new Promise<number>((resolve) => (release = resolve)), Promise.resolve(2)];
    const settings = cachedRead(() => answers.shift() as Promise<number>);
    const early = settings.read();
    settings.forget(); // the write landed while the read was in flight
    release(1);
    expect(await early).toBe(1);
    expect(await settings.read()).toBe(2);
  });
});
