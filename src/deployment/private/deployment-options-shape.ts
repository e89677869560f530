import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { PropShape } from '../../validation/prop-types';

/** The types of {@link DeploymentOptions}, for JavaScript and Python callers. @internal */
export const DEPLOYMENT_OPTIONS_SHAPE: PropShape = PROP_SHAPES.DeploymentOptions;
