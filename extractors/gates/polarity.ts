import type { Gate } from './index.ts';

export const polarityGate: Gate = {
  name: 'polarity',
  description: 'TODO',
  examples: [],
  prepare() {
    return () => null;
  },
};
