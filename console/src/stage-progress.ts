// How far a partner relationship has come, for the progress bar on a partner's page. The stages come in
// partner-service's order: the active ones from identified to trusted, then dormant and ended. Which stage may follow
// which is the service's to say (a partner's allowedStages).
import { type PartnerStage, partnerStageValues } from './clients';

const TRUSTED = partnerStageValues.indexOf('trusted');

/** Where `stage` sits on the way to trusted (0 to 1); dormant and ended are off it. */
export function stageProgress(stage: string): number | null {
  const at = partnerStageValues.indexOf(stage as PartnerStage);
  return at < 0 || at > TRUSTED ? null : at / TRUSTED;
}
