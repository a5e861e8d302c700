/*
 * NOTIFY channels of the command queue. One channel each, for every deployment, with the deployment
 * hash as payload: an enqueue on any instance wakes the waiting poll on whichever instance holds it,
 * and one LISTEN per process serves every waiter.
 */

/** A command became claimable (enqueued, re-queued, put back). Wakes long-polls. */
export const COMMAND_QUEUED_CHANNEL = 'stacker_command_queued';

/** Any change to a command row. Wakes the change feeds (`wait_ms`, SSE, the health wait). */
export const COMMAND_CHANGED_CHANNEL = 'stacker_command_changed';
