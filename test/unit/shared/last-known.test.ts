import { describe, expect, it } from 'vitest';
import { withLastKnown } from '../../../src/shared/last-known';

describe('withLastKnown', () => {
  it('fails while nothing was read, then stands in with the last value read, then reads through again', async () => {
    const answers: (number | Error)[] = [new Error('disk'), 1, 2, new Error('disk'), 3];
    const read = withLastKnown(async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next as number;
    });
    await expect(read()).rejects.toThrow('disk');
    expect(await read()).toBe(1);
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
    expect(await read()).toBe(3);
  });
});
