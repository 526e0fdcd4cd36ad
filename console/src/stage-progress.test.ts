import { describe, expect, it } from 'vitest';
import { stageProgress } from './stage-progress';

describe("a partner's stages", () => {
  it('place active stages on the way to trusted', () => {
    expect(stageProgress('identified')).toBe(0);
    expect(stageProgress('trusted')).toBe(1);
    expect(stageProgress('dormant')).toBeNull();
  });
});
