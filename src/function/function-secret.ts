import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';

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
  public abstract bind(grantee: iam.IGrantable): string;
}
