import { endpointOf, storageOf } from './paths/endpoints';
import { EndpointReport } from './report-model';
import { Json, StackIndex } from './template-index';

/**
 * The failure sink a destination ARN written in `file` names: a resource of the app (with its retention and
 * encryption as the template sets them, read as for the sinks of event paths), or the ARN as written when it is
 * outside the app.
 *
 * @internal
 */
export function sinkEndpoint(index: StackIndex, file: string, arn: Json): EndpointReport {
  const { endpoint, resource } = endpointOf(index, file, arn, 'unknown');
  return resource ? { ...endpoint, ...storageOf(resource) } : endpoint;
}
