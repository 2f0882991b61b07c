import type { DetectionInfo } from '../../core/view/viewModels';
import type { DetectionExplainer } from './detectionService';

/** A snapshot of what detection can explain, for one render of the details panel. */
export function detectionInfo(detection: DetectionExplainer): DetectionInfo {
  return {
    milestoneStatus: (id) => detection.milestoneStatus(id),
    judge: (skill) => detection.judge(skill),
    limitation: detection.limitation(),
  };
}
