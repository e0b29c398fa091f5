import type { Reply, ViewRequest, ViewRequestType } from '../shared/protocol';
import { send as sendOnce } from '../shared/send';
import { releaseUnusedOrigins } from './release-origins';

/** Changes after which a site may no longer be needed by any watch. */
const LIST_CHANGES = new Set<ViewRequestType>(['remove-watch', 'update-watch', 'import-watches']);

/** The pages' send (../shared/send.ts), then the sites nothing needs any more are released. */
export async function send<T extends ViewRequestType>(request: ViewRequest<T>): Promise<Reply<T>> {
  const reply = await sendOnce(request);
  if (reply.ok && LIST_CHANGES.has(request.type)) await releaseUnusedOrigins();
  return reply;
}
