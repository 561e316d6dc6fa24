import { describe, expect, it } from 'vitest';
import { BuildFlagError, flowTimeoutOverride } from '../build-flags';

describe('flowTimeoutOverride', () => {
  it('keeps the product timeout when the variable is unset or empty', () => {
    expect(flowTimeoutOverride('sandbox', undefined)).toBeNull();
    expect(flowTimeoutOverride('sandbox', ' ')).toBeNull();
    expect(flowTimeoutOverride('store', undefined)).toBeNull();
  });

  it('gives the sandbox build the milliseconds asked for', () => {
    expect(flowTimeoutOverride('sandbox', '3000')).toBe(3000);
  });

  it('refuses it for the store build, so a test setting never ships', () => {
    expect(() => flowTimeoutOverride('store', '3000')).toThrow(BuildFlagError);
  });

  it.each(['0', '-5', '2.5', 'soon', '1e400'])('refuses %s with a named error', (value) => {
    expect(() => flowTimeoutOverride('sandbox', value)).toThrow(/must be a whole number of milliseconds/);
  });
});
