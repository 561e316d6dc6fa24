/** What a person watching the benchmark sees: phase headings and progress lines, with elapsed time. */

const startedAt = Date.now();

function elapsed(): string {
  return `${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s`;
}

export function phase(title: string): void {
  process.stdout.write(`\n[${elapsed()}] == ${title}\n`);
}

export function progress(text: string): void {
  process.stdout.write(`[${elapsed()}]    ${text}\n`);
}

/** Rejects with `label` once `ms` pass: every wait in the benchmark is bounded. */
export async function within<T>(ms: number, label: string, task: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no result within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([task, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
