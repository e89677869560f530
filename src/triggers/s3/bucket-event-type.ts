/**
 * The S3 events (as EventBridge detail types) a bucket trigger can react to.
 */
export enum BucketEventType {
  /** An object was created (put, post, copy or multipart upload completed). */
  OBJECT_CREATED = 'Object Created',
  /** An object was deleted (or a delete marker was created). */
  OBJECT_DELETED = 'Object Deleted',
  /** A restore from an archive storage class was initiated. */
  OBJECT_RESTORE_INITIATED = 'Object Restore Initiated',
  /** A restore from an archive storage class completed. */
  OBJECT_RESTORE_COMPLETED = 'Object Restore Completed',
  /** A restored copy expired. */
  OBJECT_RESTORE_EXPIRED = 'Object Restore Expired',
  /** Tags were added to an object. */
  OBJECT_TAGS_ADDED = 'Object Tags Added',
  /** Tags were removed from an object. */
  OBJECT_TAGS_DELETED = 'Object Tags Deleted',
  /** An object's ACL was updated. */
  OBJECT_ACL_UPDATED = 'Object ACL Updated',
  /** An object's storage class changed. */
  OBJECT_STORAGE_CLASS_CHANGED = 'Object Storage Class Changed',
  /** An object moved to another Intelligent-Tiering access tier. */
  OBJECT_ACCESS_TIER_CHANGED = 'Object Access Tier Changed',
}
