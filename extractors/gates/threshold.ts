import type { Gate } from './index.ts';

export const thresholdGate: Gate = {
  name: 'threshold',
  description: 'TODO',
  examples: [],
  prepare() {
    return () => null;
  },
};
