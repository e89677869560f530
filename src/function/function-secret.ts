import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { isConstructLike } from '../validation/prop-types';

/**
 * A secret a function reads at run time. The function gets read access to it and an environment
 * variable holding its ARN (Secrets Manager) or name (SSM parameter): never the secret value itself,
 * which would be visible in the console and the template.
 */
export abstract class FunctionSecret {
  /**
   * A Secrets Manager secret: the environment variable holds the secret's ARN, and the function may
   * call `secretsmanager:GetSecretValue` on it (and decrypt it, when it uses a customer-managed key).
   *
   * @param secret the secret
   */
  public static fromSecretsManager(secret: secretsmanager.ISecret): FunctionSecret {
    if (!isConstructLike(secret)) {
      return FunctionSecret.wrongType('FunctionSecret.fromSecretsManager', 'a Secrets Manager secret', secret);
    }
    return new (class extends FunctionSecret {
      public bind(grantee: iam.IGrantable): string {
        secret.grantRead(grantee);
        return secret.secretArn;
      }
    })();
  }

  /**
   * An SSM parameter (String or SecureString): the environment variable holds the parameter's name,
   * and the function may read it (and decrypt it, when it uses a customer-managed key).
   *
   * @param parameter the parameter
   */
  public static fromSsmParameter(parameter: ssm.IParameter): FunctionSecret {
    if (!isConstructLike(parameter)) {
      return FunctionSecret.wrongType('FunctionSecret.fromSsmParameter', 'an SSM parameter', parameter);
    }
    return new (class extends FunctionSecret {
      public bind(grantee: iam.IGrantable): string {
        parameter.grantRead(grantee);
        return parameter.parameterName;
      }
    })();
  }

  /**
   * Grants `grantee` read access and returns the reference (ARN or name) to pass in the environment.
   *
   * @param grantee the function's role
   */
  /**
   * A secret made from a value of the wrong type (from JavaScript or Python): the factories never
   * throw; the function that is given it reports a coded error naming itself.
   */
  private static wrongType(factory: string, expected: string, value: unknown): FunctionSecret {
    const problem = `${factory} was given ${value === null || value === undefined ? String(value) : `a ${typeof value}`}; it takes ${expected}`;
    return new (class extends FunctionSecret {
      public readonly _typeProblem = problem;
      public bind(_grantee: iam.IGrantable): string {
        throw new Error(problem);
      }
    })();
  }

  /**
   * Why a factory could not make this secret, if it could not.
   *
   * @internal
   */
  public readonly _typeProblem?: string;

  public abstract bind(grantee: iam.IGrantable): string;
}
