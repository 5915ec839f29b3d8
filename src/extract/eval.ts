export async function runEval(_opts: { corpus: string; html?: boolean; json?: boolean; verbose?: boolean }): Promise<number> {
  return 0;
}
