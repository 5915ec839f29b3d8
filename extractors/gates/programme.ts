import type { Gate } from './index.ts';

export const programmeGate: Gate = {
  name: 'programme',
  description: 'TODO',
  examples: [],
  prepare() {
    return () => null;
  },
};
