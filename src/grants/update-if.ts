/** `GrantStore.update` that says whether `change` actually wrote. */
import type { Grant } from './model';
import type { GrantStore } from './ports';

/**
 * Applies `change` atomically and resolves to the written grant, or undefined when `change` left the
 * grant as it was (it returned undefined: gone, or no longer in the state the caller expected).
 */
export async function updateIf(
  grants: GrantStore,
  id: string,
  change: (current: Grant | undefined) => Grant | undefined,
): Promise<Grant | undefined> {
  let wrote = false;
  const stored = await grants.update(id, (current) => {
    const next = change(current);
    wrote = next !== undefined;
    return next;
  });
  return wrote ? stored : undefined;
}
