import type { PartnerStage } from './api';

// A partner relationship's stages as partner-service enforces them (POST /api/partners/{id}/stage-transitions):
// one step at a time through the active stages; any active stage can go dormant or end; a dormant one picks up at
// any active stage; an ended one starts again from identified or reached out.

export const STAGES = [
  'identified',
  'reached_out',
  'building_rapport',
  'mutual_benefit_agreed',
  'trusted',
  'dormant',
  'ended',
] as const;
export type Stage = (typeof STAGES)[number] & PartnerStage;

// Keyed by the API's own enum: a stage added to or removed from partner-service fails tsc here.
const NEXT: Record<PartnerStage, Stage[]> = {
  identified: ['reached_out', 'dormant', 'ended'],
  reached_out: ['building_rapport', 'dormant', 'ended'],
  building_rapport: ['mutual_benefit_agreed', 'dormant', 'ended'],
  mutual_benefit_agreed: ['trusted', 'dormant', 'ended'],
  trusted: ['dormant', 'ended'],
  dormant: ['reached_out', 'building_rapport', 'mutual_benefit_agreed', 'trusted', 'ended'],
  ended: ['identified', 'reached_out'],
};

export function stageMoves(stage: string): Stage[] {
  return NEXT[stage as Stage] ?? [];
}

/** Where `stage` sits on the way to trusted (0 to 1), for the timeline; dormant and ended are off it. */
export function stageProgress(stage: string): number | null {
  const at = STAGES.indexOf(stage as Stage);
  return at < 0 || at > 4 ? null : at / 4;
}
