import type { Call } from './call.entity';
import { callWindow, type CallWindow } from './calls.rules';

/** A call as the API and the pages show it, with where it stands today. */
export interface CallView {
  id: string;
  title: string;
  fiscalYear: number;
  fundCode: string;
  activityTypeCodes: string[];
  opensOn: string;
  closesOn: string;
  /** `upcoming` before it opens, `open` while it takes files, `closed` after its last day. */
  status: CallWindow;
  createdAt: string;
}

export function toCallView(call: Call, today: string): CallView {
  return {
    id: call.id,
    title: call.title,
    fiscalYear: call.fiscalYear,
    fundCode: call.fundCode,
    activityTypeCodes: [...call.activityTypeCodes],
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    status: callWindow({ opensOn: call.opensOn, closesOn: call.closesOn, today }),
    createdAt: call.createdAt.toISOString(),
  };
}
