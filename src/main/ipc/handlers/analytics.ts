// Handlers of network analytics (see src/shared/ipc/analytics/contract.ts).
import type { ANALYTICS_CHANNELS } from '../../../shared/ipc/analytics/channels';
import { saveCentrality } from '../../services/analytics';
import type { Handler } from '../handle';
import type { HandlerContext } from '../handlers';

type AnalyticsHandlers = { [C in (typeof ANALYTICS_CHANNELS)[number]]: Handler<C> };

export function analyticsHandlers({ session }: HandlerContext): AnalyticsHandlers {
  return {
    'analytics:saveCentrality': (request) => saveCentrality(session.store, request),
  };
}
