// Workload 4: weekdays at 02:00, stop the EC2 instances tagged AutoStop=true.
const { EC2Client, DescribeInstancesCommand, StopInstancesCommand } = require('@aws-sdk/client-ec2');

const ec2 = new EC2Client({});

exports.handler = async () => {
  const found = await ec2.send(new DescribeInstancesCommand({
    Filters: [{ Name: 'tag:AutoStop', Values: ['true'] }, { Name: 'instance-state-name', Values: ['running'] }],
  }));
  const ids = found.Reservations.flatMap((r) => r.Instances.map((i) => i.InstanceId));
  if (ids.length > 0) {
    await ec2.send(new StopInstancesCommand({ InstanceIds: ids }));
  }
  console.log(JSON.stringify({ message: 'stopped', count: ids.length }));
  return { stopped: ids };
};
