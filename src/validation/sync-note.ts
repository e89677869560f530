import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { AnnotationIds } from './annotation-ids';

/**
 * Adds the synth-time note that an invoker calls the function synchronously: there is no failure
 * queue to add, because the error goes back to the caller.
 *
 * @internal
 */
export function noteSynchronousInvoker(scope: IConstruct, invoker: string, whereErrorsGo: string): void {
  Annotations.of(scope).addInfoV2(AnnotationIds.SYNC_INVOKER, `The ${invoker} invokes ${scope.node.scope?.node.path ?? 'the function'} `
    + `synchronously: nothing is retried or queued, ${whereErrorsGo}. There is no failure queue on this path; `
    + 'watch the function\'s error alarm.');
}
