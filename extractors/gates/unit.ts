import type { Gate } from './index.ts';

export const unitGate: Gate = {
  name: 'unit',
  description: 'TODO',
  examples: [],
  prepare() {
    return () => null;
  },
};
