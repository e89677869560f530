import { PropShape } from '../../validation/prop-types';

/** The types of {@link DeploymentOptions}, for JavaScript and Python callers. @internal */
export const DEPLOYMENT_OPTIONS_SHAPE: PropShape = {
  config: 'object',
  preTrafficHook: 'construct',
  postTrafficHook: 'construct',
  rollbackOnAlarms: 'boolean',
  rollbackAlarms: { arrayOf: 'construct' },
  application: 'construct',
};
