import { Annotations, Duration, Names } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbTargets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { validateAlbTriggerOptions } from './alb-checks';
import { InvocationAcknowledgement } from '../../acknowledgements/acknowledgements';
import { AnnotationIds } from '../../validation/annotation-ids';
import { Validator } from '../../validation/validator';
import { acknowledgeInvokePermissions } from '../private/async-failures';
import { TriggerBinding } from '../private/binding';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, TriggerConfig, ITriggerTarget } from '../trigger';

/**
 * The optional settings of an Application Load Balancer trigger.
 */
export interface AlbTriggerOptions {
  /**
   * The listener rule's priority (1 to 50,000, unique per listener). Required with `conditions`;
   * without both, the target group becomes the listener's default action (only possible on a
   * listener defined in this app, not an imported one).
   *
   * @default - the listener's default action
   */
  readonly priority?: number;

  /**
   * Which requests the listener rule sends to the function (path patterns, host headers, ...).
   * Required with `priority`.
   *
   * @default - the listener's default action
   */
  readonly conditions?: elbv2.ListenerCondition[];

  /**
   * The target group's health check. Each check is a (billed) invocation of the function.
   *
   * @default - disabled (the AWS default for Lambda targets): the only target is the function, and
   * its failures already raise the function's error alarms
   */
  readonly healthCheck?: elbv2.HealthCheck;

  /**
   * Whether the function receives and returns multi-value headers and query parameters.
   *
   * @default false
   */
  readonly multiValueHeadersEnabled?: boolean;

  /**
   * The load balancer's idle timeout, which the function's timeout must not exceed (else clients
   * get a 504 while the function keeps running). Pass your load balancer's value if you changed it.
   *
   * @default Duration.seconds(60) (the ALB default)
   */
  readonly loadBalancerIdleTimeout?: Duration;

  /**
   * A physical name for the target group.
   *
   * @default - generated
   */
  readonly targetGroupName?: string;
}

/**
 * Properties of an Application Load Balancer trigger.
 */
export interface AlbTriggerProps extends AlbTriggerOptions {
  /** The listener that forwards requests to the function. */
  readonly listener: elbv2.IApplicationListener;
}

/**
 * Puts the function's `live` alias behind an Application Load Balancer listener, in a Lambda target
 * group. The function timeout is checked against the load balancer's idle timeout. Request and
 * response bodies of Lambda targets are limited to 1 MB (a larger response makes the load balancer
 * answer 502).
 *
 * Create it with `Trigger.alb(...)`.
 */
export class AlbTrigger implements ITrigger {
  private readonly props: AlbTriggerProps;
  private readonly binding = new TriggerBinding<elbv2.ApplicationTargetGroup>('AlbTrigger');

  /**
   * @param props the listener and settings
   */
  constructor(props: AlbTriggerProps) {
    this.props = props;
  }

  /** The Lambda target group (available once the trigger was added to a function). */
  public get targetGroup(): elbv2.ApplicationTargetGroup {
    return this.binding.resources('targetGroup');
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const props = this.props;
    const scope = triggerScope(target, 'Alb');
    const v = new Validator(scope);
    validateAlbTriggerOptions(v, props, target);
    v.throwIfAny();

    // LambdaTarget grants elasticloadbalancing.amazonaws.com invoke on the alias. The permission
    // cannot carry SourceArn = the target group: the target group must depend on the permission
    // (Lambda targets are registered at creation), which would make a circular reference.
    const targetGroup = new elbv2.ApplicationTargetGroup(scope, 'TargetGroup', {
      targetType: elbv2.TargetType.LAMBDA,
      targets: [new elbTargets.LambdaTarget(target.alias)],
      healthCheck: props.healthCheck ?? { enabled: false },
      targetGroupName: props.targetGroupName,
    });
    if (props.multiValueHeadersEnabled) {
      targetGroup.setAttribute('lambda.multi_value_headers.enabled', 'true');
    }
    // The rule lives under the listener, which several functions may share: a unique id.
    props.listener.addTargetGroups(Names.uniqueId(scope), {
      targetGroups: [targetGroup],
      priority: props.priority,
      conditions: props.conditions,
    });
    Annotations.of(targetGroup).addInfoV2(AnnotationIds.ALB_PAYLOAD_LIMIT,
      'Lambda targets of a load balancer accept request bodies and return responses of at most 1 MB; larger responses are answered with 502.',
    );
    this.binding.record(target, targetGroup);
    acknowledgeInvokePermissions(target, 'elasticloadbalancing', InvocationAcknowledgement.ALB_PERMISSION_SOURCE);
    return { description: `Application Load Balancer target group ${targetGroup.node.path}` };
  }
}
