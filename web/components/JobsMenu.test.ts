import { describe, expect, it } from 'vitest';
import { jobPercent } from './JobsMenu';

describe('jobPercent', () => {
  it('is 100 when done, 0 when the size is unknown, and never 100 while running', () => {
    expect(jobPercent({ status: 'done', progress: 0, total: null })).toBe(100);
    expect(jobPercent({ status: 'running', progress: 3, total: null })).toBe(0);
    expect(jobPercent({ status: 'running', progress: 1, total: 2 })).toBe(50);
    expect(jobPercent({ status: 'running', progress: 2, total: 2 })).toBe(99);
  });
});
