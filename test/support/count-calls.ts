/** Wraps each named method of `target` in place so its calls are counted; the counts update live. */
export function countCalls<T extends object, K extends keyof T>(
  target: T,
  methods: readonly K[],
): Record<K, number> {
  const counts = Object.fromEntries(methods.map((method) => [method, 0])) as Record<K, number>;
  const methodsOf = target as Record<K, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = methodsOf[method].bind(target);
    methodsOf[method] = (...args) => {
      counts[method] += 1;
      return original(...args);
    };
  }
  return counts;
}
