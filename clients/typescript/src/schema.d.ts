// Generated from docs/openapi.json by `npm run client:types`. Do not edit.

export interface paths {
    "/api/admin/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Agents by liveness, longest silent first
         * @description `offline_for=15m&capability=compose_agent` lists what the StackerComposeAgentsOffline alert counts.
         */
        get: operations["getAdminAgents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/categories/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync the categories from the User Service now */
        post: operations["postAdminCategoriesSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries to other services (outbox), oldest first
         * @description Encrypted payload parts are shown as "***". `status=dead` lists what needs an admin.
         */
        get: operations["getAdminOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a delivery up
         * @description For a dead or waiting event; the later events of its ordering key then go out.
         */
        post: operations["postAdminOutboxByIdDiscard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a dead delivery back in line
         * @description Starts its retry schedule afresh; the relays pick it up within a second.
         */
        post: operations["postAdminOutboxByIdRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue: submitted templates and submitted versions first */
        get: operations["getAdminTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A template with all its versions and its review history */
        get: operations["getAdminTemplatesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/templates/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the submitted template or version */
        post: operations["postAdminTemplatesByIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/templates/{id}/needs-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a submitted template back for changes */
        post: operations["postAdminTemplatesByIdNeedsChanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/templates/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject (a submitted template or version, or a listed template) */
        post: operations["postAdminTemplatesByIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/templates/{id}/unapprove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlist an approved template (back to submitted) */
        post: operations["postAdminTemplatesByIdUnapprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Template categories (synced from the User Service) */
        get: operations["getCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/deployment/{deployment_hash}/app/{app_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health of one app (or `all`), answered by the agent within HEALTH_CHECK_TIMEOUT_SECS
         * @description 200 with the health result; 202 with the command id when the agent has not answered in time; 503 `agent_offline` at once when the agent is offline. A health check already in flight for the same app is reused.
         */
        get: operations["getHealthDeploymentByDeploymentHashAppByAppCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the catalog of listed templates */
        get: operations["getTemplates"];
        put?: never;
        /** Create a draft (or update the caller’s own template with that slug) */
        post: operations["postTemplates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review history of the caller’s template */
        get: operations["getTemplatesByIdReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit for review */
        post: operations["postTemplatesByIdSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a version (on an approved template it is reviewed on its own) */
        post: operations["postTemplatesByIdVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{slug_or_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A listed template with its approved version (secrets redacted) */
        get: operations["getTemplatesBySlug"];
        /** Edit metadata and listing (live at once on an approved template) */
        put: operations["putTemplatesById"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/{slug}/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a marketplace template (the CLI's form)
         * @description Same gate and effect as POST /api/v1/deployments; `install_inputs` are environment values.
         */
        post: operations["postTemplatesBySlugInstall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s templates in every status, with their latest version */
        get: operations["getTemplatesMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/{agent_id}/compose-agent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Register where the agent's compose agent listens and its token (admin or compose:write) */
        put: operations["putAgentByAgentIdComposeAgent"];
        post?: never;
        /** Remove the agent's compose agent registration */
        delete: operations["deleteAgentByAgentIdComposeAgent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/{agent_id}/rotate-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new agent token (the old one works until the new one's first use) */
        post: operations["postAgentByAgentIdRotateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/commands/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a command for a deployment
         * @description Known types are validated and stored with their defaults filled; keys the catalog does not name are kept. A type the catalog does not know is stored and delivered unchanged (its parameters: any JSON object up to 64 KiB). 409 `capability_missing` only where the agent would certainly fail (pause/rebuild/backup, a kata runtime, the pipe types, enforce-mode configure_proxy); a deployment without an agent yet still queues.
         */
        post: operations["postAgentCommandsEnqueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/commands/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a command's outcome and result */
        post: operations["postAgentCommandsReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/commands/wait/{deployment_hash}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Long-poll for the next command of this deployment */
        get: operations["getAgentCommandsWaitByDeploymentHash"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/deployments/{deployment_hash}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A deployment's agent snapshot: agent, recent commands, containers, apps
         * @description Owner, admin or that deployment's own agent; others 404. Command results and errors only with `include_command_results=true`; `command_limit` is clamped to 1..500.
         */
        get: operations["getAgentDeploymentsByDeploymentHash"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link the host's agent to one of your deployments with your session
         * @description Anonymous route: the session token in the body is checked with the User Service (403 when refused). An existing agent keeps its current token, never a rotated one; otherwise a new agent is registered. The reply is flat (not `{data: {item}}`).
         */
        post: operations["postAgentLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in from the agent's local UI and list your deployments
         * @description Anonymous: the email and password go to the User Service. Refused: 403 "Authentication failed (<status>)"; the User Service unreachable: 500. `deployments` are your 50 newest that are not deleted. The reply has no envelope.
         */
        post: operations["postAgentLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agent's notifications (none yet)
         * @description Stacker has no notification source yet: the list is empty. `deployment_hash`, when given, must be the agent's own (else 400 `wrong_deployment`).
         */
        get: operations["getAgentNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/project/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The snapshot of a project's most recently heard online agent
         * @description None online: 200 with an empty snapshot. A project that is not yours is 404.
         */
        get: operations["getAgentProjectByProjectId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agent/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a deployment's agent (or return the current one's token) */
        post: operations["postAgentRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The agent's latest status and log tail of one app */
        post: operations["postAppsStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a command for a deployment
         * @description Known types are validated and stored with their defaults filled; keys the catalog does not name are kept. A type the catalog does not know is stored and delivered unchanged (its parameters: any JSON object up to 64 KiB). 409 `capability_missing` only where the agent would certainly fail (pause/rebuild/backup, a kata runtime, the pipe types, enforce-mode configure_proxy); a deployment without an agent yet still queues.
         */
        post: operations["postCommands"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands/{deployment_hash}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deployment's commands, newest first, or the changes after `since` */
        get: operations["getCommandsByDeploymentHash"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands/{deployment_hash}/{command_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One command */
        get: operations["getCommandsByDeploymentHashByCommandId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands/{deployment_hash}/{command_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a queued command */
        post: operations["postCommandsByDeploymentHashByCommandIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands/{deployment_hash}/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest command per (type, app_code), with its status and result */
        get: operations["getCommandsByDeploymentHashLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commands/{deployment_hash}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: one `command` event per change (resume with Last-Event-ID) */
        get: operations["getCommandsByDeploymentHashStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compose/{deployment_hash}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app's log lines from the compose agent, redacted by Stacker */
        get: operations["getComposeByDeploymentHashLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compose/{deployment_hash}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Container health with metrics from the compose agent */
        get: operations["getComposeByDeploymentHashMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compose/{deployment_hash}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restart one app's container through the compose agent (synchronous) */
        post: operations["postComposeByDeploymentHashRestart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compose/{deployment_hash}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Container health from the compose agent (`health`, no metrics) */
        get: operations["getComposeByDeploymentHashStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your deployments, newest first
         * @description With `project_id`, that project's deployments that are not deleted (404 when the project is not yours). `limit` is clamped to 1..500.
         */
        get: operations["getDeployments"];
        put?: never;
        /**
         * Deploy a marketplace template
         * @description Runs the ownership gate (402 not purchased, 403 plan required, 503 when the User Service cannot confirm), then creates the project and the deployment and queues the install message. cloud, server and environment are encrypted at rest and never returned. An `Idempotency-Key` header makes a retry within 24 h return the first reply and deploy nothing again.
         */
        post: operations["postDeployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One deployment with its status, by id or hash
         * @description A digits-only segment is the deployment id, anything else its hash (a digits-only hash is read through /hash/{hash}). Someone else's deployment is 404, like one that does not exist (admins may read any).
         */
        get: operations["getDeploymentsByDeploymentHash"];
        put?: never;
        post?: never;
        /**
         * Delete a deployment
         * @description Final: the deployment becomes `deleted`, its agent is revoked, its queued commands are cancelled and the Install Service is told. Deleting it again changes nothing.
         */
        delete: operations["deleteDeploymentsByDeploymentHash"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/capabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the deployment’s agent can do, whether it is online, and its compose agent */
        get: operations["getDeploymentsByDeploymentHashCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/containers/{app_code}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app's recent log lines, redacted, answered like the health check (200 or 202) */
        get: operations["getDeploymentsByDeploymentHashContainersByAppCodeLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/containers/{app_code}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a restart of one app's container (202 with the command) */
        post: operations["postDeploymentsByDeploymentHashContainersByAppCodeRestart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/containers/{app_code}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a start of one app's container (202 with the command) */
        post: operations["postDeploymentsByDeploymentHashContainersByAppCodeStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/containers/{app_code}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue a stop of one app's container (202 with the command) */
        post: operations["postDeploymentsByDeploymentHashContainersByAppCodeStop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A deployment's events, derived from its status and its commands
         * @description One `deployment_status` event from the status message, and per command `command_queued` plus one for its status unless still queued; ordered by time, then queued < sent < executing < final. Errors are problem+json bodies that also carry the typed envelope (`schemaVersion`, `retryable`, `remediationClass`, `context`); someone else's deployment is 404 `deployment_not_found`.
         */
        get: operations["getDeploymentsByDeploymentHashEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A read-only deploy plan with a fingerprint of its inputs
         * @description Send the fingerprint back as `expectedFingerprint`: a mismatch is 409 `plan_stale` with both fingerprints in `context`. 400 `invalid_request` (unknown appCode) or `rollback_target_unavailable`. Errors are problem+json bodies that also carry the typed envelope (`schemaVersion`, `retryable`, `remediationClass`, `context`); someone else's deployment is 404 `deployment_not_found`.
         */
        get: operations["getDeploymentsByDeploymentHashPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{deployment_hash}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A deployment's state: project, agent, runtime paths, apps, drift, last command
         * @description camelCase, read strictly by the CLI. Errors are problem+json bodies that also carry the typed envelope (`schemaVersion`, `retryable`, `remediationClass`, `context`); someone else's deployment is 404 `deployment_not_found`.
         */
        get: operations["getDeploymentsByDeploymentHashState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/{id}/force-complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a stuck deployment completed
         * @description From `paused` or `error`; `force=true` allows any status but `deleted`. Otherwise 409 `invalid_transition`. The old status is kept as metadata `force_completed_from`.
         */
        post: operations["postDeploymentsByIdForceComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/hash/{hash}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One deployment by its hash
         * @description Reads a digits-only hash too. Someone else's deployment is 404, like one that does not exist.
         */
        get: operations["getDeploymentsHashByHash"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deployments/project/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's newest deployment
         * @description The newest deployment of the project that is not deleted. 404 "No deployment found for this project" when there is none or neither it nor the project is yours.
         */
        get: operations["getDeploymentsProjectByProjectId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handoff/mint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a CLI handoff for one of your deployments
         * @description By `deployment_id` or `deployment_hash`; someone else's deployment is 404. The token (40 characters, single use, 2 h) is kept only as its SHA-256; the payload carries your bearer as the CLI's login and is stored encrypted.
         */
        post: operations["postHandoffMint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handoff/mint/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mint a CLI handoff of your account (no deployment)
         * @description The token (40 characters, single use, 2 h) is kept only as its SHA-256; the payload carries your bearer as the CLI's login and is stored encrypted.
         */
        post: operations["postHandoffMintAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handoff/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a CLI handoff token (once)
         * @description Anonymous: the token is the credential. The first resolve, on any instance, consumes it; a second one, an unknown or an expired token is 404 "Handoff token not found".
         */
        post: operations["postHandoffResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/marketplace/agents/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register an agent with a marketplace purchase token (not available yet)
         * @description Always 501: the User Service cannot check purchase tokens yet, and credentials issued without that check could never authenticate.
         */
        post: operations["postMarketplaceAgentsRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/marketplace/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the catalog (the CLI path) */
        get: operations["getMarketplaceApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your projects (the whole list, no pagination) */
        get: operations["getProject2"];
        put?: never;
        /**
         * Create a project from a ProjectForm
         * @description The name is `custom.custom_stack_code`; the project-level apps are synced from the form. The body is validated whole before anything is written (a refusal names the field); members the form does not know are dropped from `metadata`.
         */
        post: operations["postProject2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One project
         * @description Someone else's project, or an id that is not an integer, is 404.
         */
        get: operations["getProjectById2"];
        /**
         * Replace a project with a ProjectForm
         * @description Replaces the name and metadata and re-syncs the project-level apps. The body is validated whole before anything is written (a refusal names the field); members the form does not know are dropped from `metadata`.
         */
        put: operations["putProjectById2"];
        post?: never;
        /**
         * Delete a project
         * @description Deletes the project with its deployments, servers, apps and secrets. Each live deployment is retired first: its agent is revoked, its queued commands cancelled and the Install Service told.
         */
        delete: operations["deleteProjectById2"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's apps (every row, in deploy order) */
        get: operations["getProjectByIdApps2"];
        put?: never;
        /**
         * Create or update an app by code
         * @description JSON members (env, ports, volumes, depends_on, …) are stored as sent. 409 when an env key is already a service secret of the app. With `deployment_hash`, the rendered config is also kept for that deployment.
         */
        post: operations["postProjectByIdApps2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app */
        get: operations["getProjectByIdAppsByCode2"];
        put?: never;
        post?: never;
        /**
         * Remove an app
         * @description With `deployment_hash`, that deployment's rendered config is removed as well.
         */
        delete: operations["deleteProjectByIdAppsByCode2"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's configuration (environment redacted) */
        get: operations["getProjectByIdAppsByCodeConfig2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}/domain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an app's domain and SSL
         * @description No agent command is sent: the change takes effect on the next restart.
         */
        put: operations["putProjectByIdAppsByCodeDomain2"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}/env": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's environment variables (redacted) */
        get: operations["getProjectByIdAppsByCodeEnv2"];
        /**
         * Merge variables into an app's environment
         * @description 409 for a key that is a service secret. No agent command is sent: the change takes effect on the next restart.
         */
        put: operations["putProjectByIdAppsByCodeEnv2"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}/env/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one environment variable
         * @description No agent command is sent: the change takes effect on the next restart.
         */
        delete: operations["deleteProjectByIdAppsByCodeEnvByName2"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}/ports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an app's port mappings
         * @description No agent command is sent: the change takes effect on the next restart.
         */
        put: operations["putProjectByIdAppsByCodePorts2"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's service secrets (names only) */
        get: operations["getProjectByIdAppsByCodeSecrets2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/apps/{code}/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One service secret's metadata
         * @description 404 "Secret not found" when it is not set.
         */
        get: operations["getProjectByIdAppsByCodeSecretsByName2"];
        /**
         * Set a service secret
         * @description The value is stored encrypted and never returned.
         */
        put: operations["putProjectByIdAppsByCodeSecretsByName2"];
        post?: never;
        /** Delete a service secret */
        delete: operations["deleteProjectByIdAppsByCodeSecretsByName2"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/compose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project's docker-compose file
         * @description Built from the stored form (never from app rows): long-form ports and volumes, the external `default_network`. 400 when the metadata is not a valid ProjectForm.
         */
        get: operations["getProjectByIdCompose2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/deploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a project
         * @description Every check runs before anything is written (the CLI sends a refused deploy twice): 404 for a project, cloud or server that is not the caller's, then 400 for the instance configuration, the credentials and `public_ports`. Then the server is created (or reused with `server.server_id`) with an Ed25519 key, a `pending` deployment is recorded and the install message is queued. The reply carries the project id and `meta.deployment_id`; the hash is read from GET /api/v1/deployments/{id}. Cloud credentials are inline or those of the saved cloud named `cloud.name`.
         */
        post: operations["postProjectByIdDeploy2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/deploy/{cloud_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a project with a saved cloud
         * @description Every check runs before anything is written (the CLI sends a refused deploy twice): 404 for a project, cloud or server that is not the caller's, then 400 for the instance configuration, the credentials and `public_ports`. Then the server is created (or reused with `server.server_id`) with an Ed25519 key, a `pending` deployment is recorded and the install message is queued. The reply carries the project id and `meta.deployment_id`; the hash is read from GET /api/v1/deployments/{id}. The saved cloud `{cloud_id}` sets the provider and the credentials (404 "No cloud configured" unless it is the caller's).
         */
        post: operations["postProjectByIdDeployByCloudId2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll a marketplace project back (or forward) to a template version
         * @description Refusals, each before any write: 400 "Rollback is only available for marketplace projects", 404 for a project that is not the caller's, 400 for an unknown version, 400 unless the project has exactly one server with a saved cloud, 404 when that cloud is gone. Then the server is deployed again with the version's stack definition, which becomes the project's form and template_version.
         */
        post: operations["postProjectByIdRollback2"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/project/shared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Projects shared with you
         * @description Stacker has no project members yet: the list is empty.
         */
        get: operations["getProjectShared2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your saved clouds (the whole list, no pagination)
         * @description The CLI scans it for a provider or name, case-insensitively. Credentials in the reply are masked (first 6 characters and `****`).
         */
        get: operations["getCloud"];
        put?: never;
        /**
         * Save a cloud
         * @description A missing name becomes `{provider}-{id}`; a name you already use is 409 `cloud_name_taken`; `save_token` without a token, or a key and its secret, is 400. Credentials in the reply are masked (first 6 characters and `****`).
         */
        post: operations["postCloud"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cloud/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One saved cloud
         * @description Someone else's cloud, or an id that is not an integer, is 404. Credentials in the reply are masked (first 6 characters and `****`).
         */
        get: operations["getCloudById"];
        /**
         * Replace a saved cloud
         * @description Replaces the provider, the name and all three credentials: an absent credential becomes null, an absent name "". Credentials in the reply are masked (first 6 characters and `****`).
         */
        put: operations["putCloudById"];
        post?: never;
        /**
         * Delete a saved cloud
         * @description Your servers on it keep running; their `cloud_id` becomes null.
         */
        delete: operations["deleteCloudById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health_check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and dependency status */
        get: operations["getHealthCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your projects (the whole list, no pagination) */
        get: operations["getProject"];
        put?: never;
        /**
         * Create a project from a ProjectForm
         * @description The name is `custom.custom_stack_code`; the project-level apps are synced from the form. The body is validated whole before anything is written (a refusal names the field); members the form does not know are dropped from `metadata`.
         */
        post: operations["postProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One project
         * @description Someone else's project, or an id that is not an integer, is 404.
         */
        get: operations["getProjectById"];
        /**
         * Replace a project with a ProjectForm
         * @description Replaces the name and metadata and re-syncs the project-level apps. The body is validated whole before anything is written (a refusal names the field); members the form does not know are dropped from `metadata`.
         */
        put: operations["putProjectById"];
        post?: never;
        /**
         * Delete a project
         * @description Deletes the project with its deployments, servers, apps and secrets. Each live deployment is retired first: its agent is revoked, its queued commands cancelled and the Install Service told.
         */
        delete: operations["deleteProjectById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's apps (every row, in deploy order) */
        get: operations["getProjectByIdApps"];
        put?: never;
        /**
         * Create or update an app by code
         * @description JSON members (env, ports, volumes, depends_on, …) are stored as sent. 409 when an env key is already a service secret of the app. With `deployment_hash`, the rendered config is also kept for that deployment.
         */
        post: operations["postProjectByIdApps"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app */
        get: operations["getProjectByIdAppsByCode"];
        put?: never;
        post?: never;
        /**
         * Remove an app
         * @description With `deployment_hash`, that deployment's rendered config is removed as well.
         */
        delete: operations["deleteProjectByIdAppsByCode"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's configuration (environment redacted) */
        get: operations["getProjectByIdAppsByCodeConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}/domain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an app's domain and SSL
         * @description No agent command is sent: the change takes effect on the next restart.
         */
        put: operations["putProjectByIdAppsByCodeDomain"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}/env": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's environment variables (redacted) */
        get: operations["getProjectByIdAppsByCodeEnv"];
        /**
         * Merge variables into an app's environment
         * @description 409 for a key that is a service secret. No agent command is sent: the change takes effect on the next restart.
         */
        put: operations["putProjectByIdAppsByCodeEnv"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}/env/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove one environment variable
         * @description No agent command is sent: the change takes effect on the next restart.
         */
        delete: operations["deleteProjectByIdAppsByCodeEnvByName"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}/ports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an app's port mappings
         * @description No agent command is sent: the change takes effect on the next restart.
         */
        put: operations["putProjectByIdAppsByCodePorts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's service secrets (names only) */
        get: operations["getProjectByIdAppsByCodeSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/apps/{code}/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One service secret's metadata
         * @description 404 "Secret not found" when it is not set.
         */
        get: operations["getProjectByIdAppsByCodeSecretsByName"];
        /**
         * Set a service secret
         * @description The value is stored encrypted and never returned.
         */
        put: operations["putProjectByIdAppsByCodeSecretsByName"];
        post?: never;
        /** Delete a service secret */
        delete: operations["deleteProjectByIdAppsByCodeSecretsByName"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/compose": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The project's docker-compose file
         * @description Built from the stored form (never from app rows): long-form ports and volumes, the external `default_network`. 400 when the metadata is not a valid ProjectForm.
         */
        get: operations["getProjectByIdCompose"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/deploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a project
         * @description Every check runs before anything is written (the CLI sends a refused deploy twice): 404 for a project, cloud or server that is not the caller's, then 400 for the instance configuration, the credentials and `public_ports`. Then the server is created (or reused with `server.server_id`) with an Ed25519 key, a `pending` deployment is recorded and the install message is queued. The reply carries the project id and `meta.deployment_id`; the hash is read from GET /api/v1/deployments/{id}. Cloud credentials are inline or those of the saved cloud named `cloud.name`.
         */
        post: operations["postProjectByIdDeploy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/deploy/{cloud_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deploy a project with a saved cloud
         * @description Every check runs before anything is written (the CLI sends a refused deploy twice): 404 for a project, cloud or server that is not the caller's, then 400 for the instance configuration, the credentials and `public_ports`. Then the server is created (or reused with `server.server_id`) with an Ed25519 key, a `pending` deployment is recorded and the install message is queued. The reply carries the project id and `meta.deployment_id`; the hash is read from GET /api/v1/deployments/{id}. The saved cloud `{cloud_id}` sets the provider and the credentials (404 "No cloud configured" unless it is the caller's).
         */
        post: operations["postProjectByIdDeployByCloudId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/{id}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll a marketplace project back (or forward) to a template version
         * @description Refusals, each before any write: 400 "Rollback is only available for marketplace projects", 404 for a project that is not the caller's, 400 for an unknown version, 400 unless the project has exactly one server with a saved cloud, 404 when that cloud is gone. Then the server is deployed again with the version's stack definition, which becomes the project's form and template_version.
         */
        post: operations["postProjectByIdRollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project/shared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Projects shared with you
         * @description Stacker has no project members yet: the list is empty.
         */
        get: operations["getProjectShared"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdminAgent: {
            agent_id: string;
            capabilities: string[];
            compose_agent_registered: boolean;
            deployment_hash: string;
            last_heartbeat: string | null;
            /** @description The last heartbeat, or the registration time of an agent that never called */
            last_seen: string;
            offline_for_secs: number | null;
            /** @enum {string} */
            status: "online" | "offline";
            version: string | null;
        };
        AgentCredentials: {
            /** Format: uuid */
            agent_id: string;
            agent_token: string;
            dashboard_version: string;
            deployment_hash: string;
            supported_api_versions: string[];
        };
        /** @example {
         *       "agent_id": "5f0c0d1e-8b7a-4c55-9a51-0c4c6f0e2a11",
         *       "agent_token": "<86 characters>",
         *       "deployment_hash": "deployment_0b6d…",
         *       "dashboard_url": "https://try.direct/dashboard/deployments/12"
         *     } */
        AgentLink: {
            agent_id: string;
            agent_token: string;
            dashboard_url: string;
            deployment_hash: string;
        };
        /** @example {
         *       "session_token": "<User Service access token>",
         *       "user_id": "3",
         *       "deployments": [
         *         {
         *           "deployment_id": "deployment_0b6d…",
         *           "stack_name": "shop",
         *           "status": "completed",
         *           "created_at": "2026-12-04 20:15"
         *         }
         *       ]
         *     } */
        AgentLogin: {
            deployments: {
                created_at?: string;
                deployment_id: string;
                server_ip?: string;
                stack_name: string;
                status: string;
            }[];
            session_token: string;
            user_id: string;
        };
        AgentResult: {
            [key: string]: unknown;
        } | null;
        AgentSnapshot: {
            agent: {
                [key: string]: unknown;
            } | null;
            apps: {
                [key: string]: unknown;
            }[];
            commands: {
                [key: string]: unknown;
            }[];
            containers: {
                [key: string]: unknown;
            }[];
        };
        Capabilities: {
            agent_id: string | null;
            apps: {
                app_code: string;
                status: string;
                updated_at: string;
            }[];
            capabilities: string[];
            commands: {
                command_type: string;
                icon: string;
                label: string;
                requires: string;
                /** @enum {string} */
                scope: "container" | "deployment";
            }[];
            compose_agent: boolean;
            deployment_hash: string;
            fallback_reason: ("not_advertised" | "no_registration" | "offline" | "unreachable") | null;
            features: {
                backup: boolean;
                compose: boolean;
                kata_runtime: boolean;
                logs: boolean;
            };
            last_heartbeat: string | null;
            /** @enum {string} */
            status: "online" | "offline";
            system_info: {
                [key: string]: unknown;
            };
            version: string | null;
        };
        /** @description A saved cloud. Each credential is masked: its first 6 characters and `****` (`****` alone when it no longer decrypts); an absent one is null. */
        Cloud: {
            cloud_key: string | null;
            cloud_secret: string | null;
            cloud_token: string | null;
            created_at: string;
            id: number;
            name: string;
            provider: string;
            save_token: boolean | null;
            updated_at: string;
            user_id: string;
        };
        /**
         * @description A provider and its credentials. `user_id` and `project_id` are accepted and ignored. Credentials are always stored encrypted; `save_token` means "keep them for later deploys".
         * @example {
         *       "provider": "htz",
         *       "name": "hetzner-main",
         *       "cloud_token": "hcloud-token-value",
         *       "save_token": true
         *     }
         */
        CloudFormInput: {
            cloud_key?: string | null;
            cloud_secret?: string | null;
            cloud_token?: string | null;
            name?: string | null;
            provider: string;
            save_token?: boolean | null;
        };
        Command: {
            attempts: number;
            command_id: string;
            completed_at: string | null;
            created_at: string;
            created_by: string;
            deployment_hash: string;
            error: unknown;
            id: string;
            metadata: {
                [key: string]: unknown;
            };
            parameters: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "critical";
            result: unknown;
            sent_at: string | null;
            /** @enum {string} */
            status: "queued" | "sent" | "completed" | "failed" | "cancelled";
            timeout_seconds: number;
            type: string;
            updated_at: string;
        };
        ComposeAgentRegistration: {
            agent_id: string;
            compose_agent_id: string | null;
            deployment_hash: string;
            last_error: string | null;
            last_error_at: string | null;
            last_ok_at: string | null;
            registered: boolean;
            url: string | null;
        };
        /** @description Where and how to deploy a project: the cloud, the server, the stack options. */
        DeployInput: {
            cloud: {
                cloud_key?: string | null;
                cloud_secret?: string | null;
                cloud_token?: string | null;
                name?: string | null;
                provider: string;
                save_token?: boolean | null;
            };
            config_bundle?: {
                [key: string]: unknown;
            } | null;
            config_files?: {
                content: string;
                destination_path?: string | null;
                file_mode?: string | null;
                mode?: string | null;
                name?: string | null;
                path?: string | null;
            }[] | null;
            environment?: string | null;
            public_ports?: string[] | null;
            registry?: {
                docker_password?: string | null;
                docker_registry?: string | null;
                docker_username?: string | null;
            } | null;
            server: {
                cloud_id?: number | null;
                connection_mode?: ("ssh" | "password" | "status_panel") | null;
                disk_type?: string | null;
                name?: string | null;
                os?: string | null;
                public_key?: string | null;
                region?: string | null;
                server?: string | null;
                server_id?: number | null;
                srv_ip?: string | null;
                ssh_port?: number | null;
                ssh_private_key?: string | null;
                ssh_user?: string | null;
                vault_key_path?: string | null;
                zone?: string | null;
            };
            stack: {
                extended_features?: unknown[] | null;
                form_app?: string[] | null;
                integrated_features?: unknown[] | null;
                stack_code?: string | null;
                subscriptions?: string[] | null;
                vars?: {
                    key?: string | null;
                    value?: unknown;
                }[] | null;
            };
        };
        /** @example {
         *       "schemaVersion": "v1alpha1",
         *       "deploymentHash": "deployment_0b6d…",
         *       "events": [
         *         {
         *           "sequence": 1,
         *           "kind": "command_queued",
         *           "classification": "info",
         *           "occurredAt": "2026-12-04T20:14:00.000Z",
         *           "summary": "health queued",
         *           "commandId": "cmd_…",
         *           "commandType": "health",
         *           "status": "queued"
         *         }
         *       ]
         *     } */
        DeploymentEventFeed: {
            deploymentHash: string;
            events: {
                /** @enum {string} */
                classification: "info" | "progress" | "success" | "failure";
                commandId?: string;
                commandType?: string;
                /** @enum {string} */
                kind: "deployment_status" | "command_queued" | "command_sent" | "command_executing" | "command_completed" | "command_failed" | "command_cancelled";
                /** @example 2026-12-04T20:15:00.000Z */
                occurredAt: string;
                /** @enum {string} */
                remediationClass?: "auth" | "capability" | "configuration" | "internal" | "permissions" | "secret" | "state";
                retryable?: boolean;
                sequence: number;
                status?: string;
                summary: string;
            }[];
            /** @constant */
            schemaVersion: "v1alpha1";
        };
        /** @example {
         *       "schemaVersion": "v1alpha1",
         *       "project": {
         *         "id": 7,
         *         "identity": "shop",
         *         "name": "shop"
         *       },
         *       "deployment": {
         *         "id": 12,
         *         "deploymentHash": "deployment_0b6d…",
         *         "status": "completed",
         *         "runtime": "runc"
         *       },
         *       "agent": {
         *         "id": "5f0c…",
         *         "status": "online",
         *         "version": "0.2.1",
         *         "lastHeartbeat": "2026-12-04T20:15:00.000Z",
         *         "capabilities": [
         *           "docker",
         *           "compose",
         *           "logs"
         *         ],
         *         "features": {
         *           "compose": true,
         *           "kataRuntime": false,
         *           "backup": false,
         *           "pipes": false,
         *           "proxyCredentialsVault": false
         *         }
         *       },
         *       "runtime": {
         *         "composePath": "/home/trydirect/project/docker-compose.yml",
         *         "envPath": "/home/trydirect/project/.env"
         *       },
         *       "apps": [
         *         {
         *           "code": "web",
         *           "name": "Web",
         *           "enabled": true,
         *           "configVersion": 2,
         *           "vaultSyncVersion": 1
         *         }
         *       ],
         *       "drift": {
         *         "hasDrift": false,
         *         "summary": "no drift detected"
         *       },
         *       "lastCommand": {
         *         "type": "health",
         *         "status": "completed",
         *         "finishedAt": "2026-12-04T20:14:58.000Z"
         *       }
         *     } */
        DeploymentState: {
            agent: {
                capabilities: string[];
                features: {
                    backup: boolean;
                    compose: boolean;
                    kataRuntime: boolean;
                    pipes: boolean;
                    proxyCredentialsVault: boolean;
                };
                id?: string;
                /** @example 2026-12-04T20:15:00.000Z */
                lastHeartbeat?: string;
                status: string;
                version?: string;
            };
            apps: {
                code: string;
                configHash?: string;
                configVersion: number;
                enabled: boolean;
                name: string;
                vaultSyncVersion: number;
            }[];
            deployment: {
                deploymentHash: string;
                id: number;
                runtime: string;
                status: string;
            };
            drift: {
                hasDrift: boolean;
                summary: string;
            };
            lastCommand?: {
                /** @example 2026-12-04T20:15:00.000Z */
                finishedAt: string;
                status: string;
                type: string;
            };
            project: {
                id: number;
                identity: string;
                name: string;
            };
            runtime: {
                composePath: string;
                envPath: string;
            };
            /** @constant */
            schemaVersion: "v1alpha1";
        };
        /** @example {
         *       "schemaVersion": "v1alpha1",
         *       "deploymentHash": "deployment_0b6d…",
         *       "operation": "deploy",
         *       "target": "cloud",
         *       "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         *       "scope": {
         *         "mode": "deployment",
         *         "selectedApps": [
         *           "web"
         *         ]
         *       },
         *       "hasChanges": true,
         *       "actions": [
         *         {
         *           "kind": "sync_app_config",
         *           "target": "app",
         *           "appCode": "web",
         *           "reason": "app config version is ahead of the synced version"
         *         }
         *       ],
         *       "reasoning": [
         *         "at least one selected app has unsynced config changes"
         *       ]
         *     } */
        DeployPlan: {
            actions: {
                appCode?: string;
                /** @enum {string} */
                kind: "reconcile_runtime_env" | "redeploy_app" | "rollback_deploy" | "sync_app_config";
                reason: string;
                /** @enum {string} */
                target: "deployment" | "app";
            }[];
            deploymentHash: string;
            fingerprint: string;
            hasChanges: boolean;
            /** @enum {string} */
            operation: "deploy" | "deploy_app" | "rollback_deploy";
            reasoning: string[];
            rollback?: {
                currentVersion: string;
                requestedTarget: string;
                resolvedVersion: string;
            };
            /** @constant */
            schemaVersion: "v1alpha1";
            scope: {
                appCode?: string;
                /** @enum {string} */
                mode: "deployment" | "app";
                selectedApps: string[];
            };
            target: string;
        };
        /** @example {
         *       "token": "Q3xv9PZk2m8TnR4bW7cY1dF6gH0jK5lM9pN2qS4t",
         *       "url": "https://stacker.try.direct/handoff#Q3xv9PZk2m8TnR4bW7cY1dF6gH0jK5lM9pN2qS4t",
         *       "command": "stacker connect --handoff Q3xv9PZk2m8TnR4bW7cY1dF6gH0jK5lM9pN2qS4t",
         *       "expires_at": "2026-12-04T22:15:00.000Z"
         *     } */
        HandoffLink: {
            command: string;
            expires_at: string;
            token: string;
            url: string;
        };
        /** @example {
         *       "kind": "deployment",
         *       "version": 1,
         *       "expires_at": "2026-12-04T22:15:00.000Z",
         *       "project": {
         *         "id": 7,
         *         "name": "shop",
         *         "identity": "shop"
         *       },
         *       "deployment": {
         *         "id": 12,
         *         "hash": "deployment_0b6d…",
         *         "target": "server",
         *         "status": "completed"
         *       },
         *       "server": {
         *         "ip": "203.0.113.10",
         *         "ssh_user": "root",
         *         "ssh_port": 22,
         *         "name": "shop-1"
         *       },
         *       "lockfile": {
         *         "target": "server",
         *         "server_ip": "203.0.113.10",
         *         "deployed_at": "2026-12-04T20:00:00.000Z"
         *       },
         *       "agent": {
         *         "base_url": "http://203.0.113.10:8080",
         *         "deployment_hash": "deployment_0b6d…"
         *       }
         *     } */
        HandoffPayload: {
            agent?: {
                base_url: string;
                deployment_hash: string;
            };
            cloud?: {
                id: number;
                provider?: string;
                region?: string;
            };
            credentials?: {
                access_token: string;
                email?: string;
                expires_at: string;
                server_url?: string;
                /** @constant */
                token_type: "Bearer";
            };
            deployment: {
                hash: string;
                id: number;
                status: string;
                target: string;
            };
            expires_at: string;
            /** @enum {string} */
            kind: "deployment" | "account";
            lockfile: {
                [key: string]: unknown;
            };
            project: {
                id: number;
                identity?: string;
                name: string;
            };
            server?: {
                ip?: string;
                name?: string;
                ssh_port?: number;
                ssh_user?: string;
            };
            stacker_yml?: string;
            /** @constant */
            version: 1;
        };
        /** @description RFC 9457 problem details with a stable `code` */
        Problem: {
            code: string;
            detail: string;
            errors?: {
                message: string;
                path: string;
            }[];
            message: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A stack of apps. `metadata` is the normalized ProjectForm; the raw request body is not returned (it can hold environment values). */
        Project: {
            created_at: string;
            id: number;
            metadata: {
                [key: string]: unknown;
            };
            name: string;
            source_template_id: string | null;
            stack_id: string;
            template_version: string | null;
            updated_at: string;
            user_id: string;
        };
        /** @description An app of a project; environment values whose key looks secret, and service secrets, are "[REDACTED]". */
        ProjectApp: {
            code: string;
            command: string | null;
            compose: string | null;
            config_files: {
                content: string;
                destination_path?: string;
                file_mode?: string;
                group?: string;
                is_ansible?: boolean;
                name: string;
                owner?: string;
                template_path?: string;
            }[];
            created_at: string;
            depends_on: unknown;
            deploy_order: number | null;
            domain: string | null;
            enabled: boolean;
            entrypoint: string | null;
            environment: {
                [key: string]: unknown;
            };
            healthcheck: unknown;
            id: number;
            image: string;
            labels: unknown;
            name: string;
            networks: unknown;
            parent_app_code: string | null;
            ports: unknown;
            project_id: number;
            resources: unknown;
            restart_policy: string;
            ssl_enabled: boolean;
            template_source: string | null;
            updated_at: string;
            volumes: unknown;
        };
        /** @description The Stack Builder's and the CLI's stack: `custom` with its apps */
        ProjectFormInput: {
            custom: {
                catalog_application?: unknown;
                custom_stack_category?: string[] | null;
                custom_stack_code: string;
                custom_stack_description?: string | null;
                custom_stack_short_description?: string | null;
                deployment_artifacts?: unknown;
                feature?: {
                    _created?: string | null;
                    _etag?: string | null;
                    _id: string;
                    _updated?: string | null;
                    ansible_var?: string | null;
                    autodeploy?: boolean | null;
                    avoid_render?: boolean | null;
                    category_id?: number | null;
                    code: string;
                    command?: string | null;
                    commercial?: boolean | null;
                    cpu?: string | null;
                    custom?: boolean | null;
                    default?: boolean | null;
                    dependency?: unknown;
                    descr?: string | null;
                    description?: string | null;
                    disk_size?: string | null;
                    dockerhub_image?: string | null;
                    dockerhub_name?: string | null;
                    dockerhub_password?: string | null;
                    dockerhub_tag?: string | null;
                    dockerhub_user?: string | null;
                    domain?: string | null;
                    entrypoint?: string | null;
                    environment?: ({
                        key: string;
                        value: string;
                    }[] | {
                        [key: string]: unknown;
                    }) | null;
                    full_description?: string | null;
                    icon?: unknown;
                    name: string;
                    network?: string[] | null;
                    parent_app_id?: number | null;
                    plan_type?: string | null;
                    popularity?: number | null;
                    price?: unknown;
                    ram_size?: string | null;
                    repo_dir?: string | null;
                    /** @enum {string} */
                    restart: "always" | "no" | "unless-stopped" | "on-failure";
                    role?: string[] | null;
                    shared_ports?: {
                        container_port: string;
                        host_port?: string | null;
                        protocol?: ("tcp" | "udp") | null;
                    }[] | null;
                    subscription?: unknown;
                    suggested?: boolean | null;
                    type: string;
                    url_app?: string | null;
                    url_git?: string | null;
                    versions?: unknown[] | null;
                    volumes?: {
                        container_path?: string | null;
                        host_path?: string | null;
                    }[] | null;
                }[] | null;
                install_inputs?: unknown;
                marketplace_assets?: unknown;
                marketplace_changelog?: string | null;
                marketplace_config_files?: unknown;
                marketplace_post_deploy_hooks?: unknown;
                marketplace_seed_jobs?: unknown;
                marketplace_update_mode_capabilities?: unknown;
                marketplace_version?: string | null;
                networks?: {
                    attachable?: boolean | null;
                    driver?: string | null;
                    driver_opts?: unknown;
                    enable_ipv6?: boolean | null;
                    external?: boolean | null;
                    id: string;
                    internal?: boolean | null;
                    ipam?: unknown;
                    labels?: unknown;
                    name: string;
                }[] | null;
                project_description?: string | null;
                project_git_url?: string | null;
                project_name?: string | null;
                project_overview?: string | null;
                service?: {
                    _created?: string | null;
                    _etag?: string | null;
                    _id: string;
                    _updated?: string | null;
                    ansible_var?: string | null;
                    autodeploy?: boolean | null;
                    avoid_render?: boolean | null;
                    category_id?: number | null;
                    code: string;
                    command?: string | null;
                    commercial?: boolean | null;
                    cpu?: string | null;
                    custom?: boolean | null;
                    default?: boolean | null;
                    dependency?: unknown;
                    descr?: string | null;
                    description?: string | null;
                    disk_size?: string | null;
                    dockerhub_image?: string | null;
                    dockerhub_name?: string | null;
                    dockerhub_password?: string | null;
                    dockerhub_tag?: string | null;
                    dockerhub_user?: string | null;
                    domain?: string | null;
                    entrypoint?: string | null;
                    environment?: ({
                        key: string;
                        value: string;
                    }[] | {
                        [key: string]: unknown;
                    }) | null;
                    full_description?: string | null;
                    icon?: unknown;
                    name: string;
                    network?: string[] | null;
                    parent_app_id?: number | null;
                    plan_type?: string | null;
                    popularity?: number | null;
                    price?: unknown;
                    ram_size?: string | null;
                    repo_dir?: string | null;
                    /** @enum {string} */
                    restart: "always" | "no" | "unless-stopped" | "on-failure";
                    role?: string[] | null;
                    shared_ports?: {
                        container_port: string;
                        host_port?: string | null;
                        protocol?: ("tcp" | "udp") | null;
                    }[] | null;
                    subscription?: unknown;
                    suggested?: boolean | null;
                    type: string;
                    url_app?: string | null;
                    url_git?: string | null;
                    versions?: unknown[] | null;
                    volumes?: {
                        container_path?: string | null;
                        host_path?: string | null;
                    }[] | null;
                }[] | null;
                web: {
                    _created?: string | null;
                    _etag?: string | null;
                    _id: string;
                    _updated?: string | null;
                    ansible_var?: string | null;
                    autodeploy?: boolean | null;
                    avoid_render?: boolean | null;
                    category_id?: number | null;
                    code: string;
                    command?: string | null;
                    commercial?: boolean | null;
                    cpu?: string | null;
                    custom?: boolean | null;
                    default?: boolean | null;
                    dependency?: unknown;
                    descr?: string | null;
                    description?: string | null;
                    disk_size?: string | null;
                    dockerhub_image?: string | null;
                    dockerhub_name?: string | null;
                    dockerhub_password?: string | null;
                    dockerhub_tag?: string | null;
                    dockerhub_user?: string | null;
                    domain?: string | null;
                    entrypoint?: string | null;
                    environment?: ({
                        key: string;
                        value: string;
                    }[] | {
                        [key: string]: unknown;
                    }) | null;
                    full_description?: string | null;
                    icon?: unknown;
                    name: string;
                    network?: string[] | null;
                    parent_app_id?: number | null;
                    plan_type?: string | null;
                    popularity?: number | null;
                    price?: unknown;
                    ram_size?: string | null;
                    repo_dir?: string | null;
                    /** @enum {string} */
                    restart: "always" | "no" | "unless-stopped" | "on-failure";
                    role?: string[] | null;
                    shared_ports?: {
                        container_port: string;
                        host_port?: string | null;
                        protocol?: ("tcp" | "udp") | null;
                    }[] | null;
                    subscription?: unknown;
                    suggested?: boolean | null;
                    type: string;
                    url_app?: string | null;
                    url_git?: string | null;
                    versions?: unknown[] | null;
                    volumes?: {
                        container_path?: string | null;
                        host_path?: string | null;
                    }[] | null;
                }[];
            };
        };
        /** @description A stored secret without its value (never returned). */
        SecretMeta: {
            app_code: string | null;
            id: number;
            name: string;
            project_id: number | null;
            /** @enum {string} */
            scope: "service" | "server";
            /** @constant */
            secure: true;
            server_id: number | null;
            /** @constant */
            source: "vault";
            updated_at: string;
            updated_by: string;
        };
    };
    responses: {
        /** @description The request is not valid: `validation_failed` names each field in `errors`. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller is signed in but its role or plan does not allow this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not found, or not the caller's (someone else's resource is a 404, never a 403). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body is larger than the limit (1 MiB). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The plan rate limit is spent; retry after `Retry-After` seconds. */
        RateLimited: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A dependency (database, User Service) is unavailable or the server is shutting down; retry after `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Credentials are missing or not valid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request content type is not supported (send `application/json`). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAdminAgents: {
        parameters: {
            query?: {
                /** @description Only agents advertising it */
                capability?: string;
                cursor?: string;
                limit?: number;
                /** @description Only agents offline at least this long (e.g. 15m) */
                offline_for?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: components["schemas"]["AdminAgent"][];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminCategoriesSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            created: number;
                            merged: number;
                            received: number;
                            skipped: number;
                            unchanged: number;
                            updated: number;
                        };
                        message: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAdminOutbox: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Only events in this state (all states when absent) */
                status?: "pending" | "delivered" | "dead" | "discarded";
                /** @description Only events of this topic */
                topic?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            delivered_at: string | null;
                            id: string;
                            /** @description The peer's last reply or the failure, kept for diagnosis */
                            last_error: string | null;
                            /** @description The peer's last HTTP status */
                            last_status: number | null;
                            /** @description The instance delivering it right now, if any */
                            locked_by: string | null;
                            locked_until: string | null;
                            /** Format: date-time */
                            next_attempt_at: string;
                            ordering_key: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @description "***" when the event carries encrypted parts */
                            secret_payload: "***" | null;
                            sequence: number | null;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead" | "discarded";
                            topic: string;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminOutboxByIdDiscard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            delivered_at: string | null;
                            id: string;
                            /** @description The peer's last reply or the failure, kept for diagnosis */
                            last_error: string | null;
                            /** @description The peer's last HTTP status */
                            last_status: number | null;
                            /** @description The instance delivering it right now, if any */
                            locked_by: string | null;
                            locked_until: string | null;
                            /** Format: date-time */
                            next_attempt_at: string;
                            ordering_key: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @description "***" when the event carries encrypted parts */
                            secret_payload: "***" | null;
                            sequence: number | null;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead" | "discarded";
                            topic: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminOutboxByIdRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            delivered_at: string | null;
                            id: string;
                            /** @description The peer's last reply or the failure, kept for diagnosis */
                            last_error: string | null;
                            /** @description The peer's last HTTP status */
                            last_status: number | null;
                            /** @description The instance delivering it right now, if any */
                            locked_by: string | null;
                            locked_until: string | null;
                            /** Format: date-time */
                            next_attempt_at: string;
                            ordering_key: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @description "***" when the event carries encrypted parts */
                            secret_payload: "***" | null;
                            sequence: number | null;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead" | "discarded";
                            topic: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAdminTemplates: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            awaiting_review: boolean;
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAdminTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            reviews: {
                                created_at: string;
                                /** @enum {string} */
                                decision: "submitted" | "approved" | "rejected" | "needs_changes" | "unapproved";
                                /** Format: uuid */
                                id: string;
                                review_reason: string | null;
                                reviewer_user_id: string | null;
                                /** Format: uuid */
                                template_id: string;
                                version_id: string | null;
                            }[];
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                            versions: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            }[];
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminTemplatesByIdApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string | null;
                } | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminTemplatesByIdNeedsChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminTemplatesByIdReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminTemplatesByIdUnapprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string | null;
                } | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            id: number;
                            metadata: {
                                [key: string]: unknown;
                            };
                            name: string;
                            title: string | null;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealthDeploymentByDeploymentHashAppByAppCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_code: string;
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["AgentResult"];
                        message: string;
                    };
                };
            };
            /** @description Accepted: the work continues in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        command_id: string;
                        message: string;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTemplates: {
        parameters: {
            query?: {
                category?: string;
                cursor?: string;
                limit?: number;
                q?: string;
                sort?: "recent" | "popular";
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            approved_at: string | null;
                            approved_version_id: string | null;
                            category_code: string | null;
                            created_at: string;
                            creator_name: string | null;
                            creator_user_id: string;
                            deploy_count: number;
                            /** Format: uuid */
                            id: string;
                            listing: {
                                /** @enum {string} */
                                billing_cycle: "free" | "one_time" | "monthly";
                                currency: string;
                                price: number;
                            } | null;
                            long_description: string | null;
                            name: string;
                            required_plan_name: string | null;
                            short_description: string | null;
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                            submitted_at: string | null;
                            tags: string[];
                            tech_stack: {
                                [key: string]: unknown;
                            };
                            updated_at: string;
                            view_count: number;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category_code?: string | null;
                    changelog?: string | null;
                    currency?: string | null;
                    definition_format?: ("yaml" | "json") | null;
                    listing?: {
                        /** @enum {string} */
                        billing_cycle: "free" | "one_time" | "monthly";
                        currency?: string | null;
                        price: number | string;
                    } | null;
                    long_description?: string | null;
                    name: string;
                    plan_type?: ("free" | "one_time" | "subscription" | "monthly") | null;
                    price?: (number | string) | null;
                    required_plan_name?: string | null;
                    short_description?: string | null;
                    slug: string;
                    stack_definition?: (string | {
                        [key: string]: unknown;
                    }) | null;
                    tags?: string[] | null;
                    tech_stack?: {
                        [key: string]: unknown;
                    } | null;
                    version?: string | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The request is well-formed but breaks a rule of the resource. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTemplatesByIdReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            created_at: string;
                            /** @enum {string} */
                            decision: "submitted" | "approved" | "rejected" | "needs_changes" | "unapproved";
                            /** Format: uuid */
                            id: string;
                            review_reason: string | null;
                            reviewer_user_id: string | null;
                            /** Format: uuid */
                            template_id: string;
                            version_id: string | null;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTemplatesByIdSubmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {boolean} */
                    confirm_no_secrets: true;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The request is well-formed but breaks a rule of the resource. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTemplatesByIdVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changelog?: string | null;
                    definition_format?: ("yaml" | "json") | null;
                    stack_definition: string | {
                        [key: string]: unknown;
                    };
                    version: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            changelog: string | null;
                            created_at: string;
                            /** @enum {string} */
                            definition_format: "yaml" | "json";
                            /** Format: uuid */
                            id: string;
                            is_latest: boolean;
                            /** @enum {string} */
                            review_status: "draft" | "submitted" | "approved" | "rejected";
                            stack_definition: unknown;
                            /** Format: uuid */
                            template_id: string;
                            version: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The request is well-formed but breaks a rule of the resource. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTemplatesBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug_or_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putTemplatesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug_or_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category_code?: string | null;
                    currency?: string | null;
                    listing?: {
                        /** @enum {string} */
                        billing_cycle: "free" | "one_time" | "monthly";
                        currency?: string | null;
                        price: number | string;
                    } | null;
                    long_description?: string | null;
                    name?: string | null;
                    plan_type?: ("free" | "one_time" | "subscription" | "monthly") | null;
                    price?: (number | string) | null;
                    required_plan_name?: string | null;
                    short_description?: string | null;
                    slug?: string | null;
                    tags?: string[] | null;
                    tech_stack?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTemplatesBySlugInstall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deploy?: {
                        cloud?: {
                            [key: string]: unknown;
                        } | null;
                        environment?: {
                            [key: string]: string | number | boolean | null;
                        } | null;
                        server?: {
                            [key: string]: unknown;
                        } | null;
                    } | null;
                    install_inputs?: {
                        [key: string]: string | number | boolean | null;
                    } | null;
                    name?: string | null;
                } | null;
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            deployment_hash: string;
                            deployment_id: number;
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            project: {
                                created_at: string;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                template_id: string | null;
                                template_version: string | null;
                                updated_at: string;
                                user_id: string;
                            };
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Payment required: the template is paid and the caller has not bought it. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTemplatesMine: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            latest_version: {
                                changelog: string | null;
                                created_at: string;
                                /** @enum {string} */
                                definition_format: "yaml" | "json";
                                /** Format: uuid */
                                id: string;
                                is_latest: boolean;
                                /** @enum {string} */
                                review_status: "draft" | "submitted" | "approved" | "rejected";
                                stack_definition: unknown;
                                /** Format: uuid */
                                template_id: string;
                                version: string;
                            } | null;
                            template: {
                                approved_at: string | null;
                                approved_version_id: string | null;
                                category_code: string | null;
                                created_at: string;
                                creator_name: string | null;
                                creator_user_id: string;
                                deploy_count: number;
                                /** Format: uuid */
                                id: string;
                                listing: {
                                    /** @enum {string} */
                                    billing_cycle: "free" | "one_time" | "monthly";
                                    currency: string;
                                    price: number;
                                } | null;
                                long_description: string | null;
                                name: string;
                                required_plan_name: string | null;
                                short_description: string | null;
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                                submitted_at: string | null;
                                tags: string[];
                                tech_stack: {
                                    [key: string]: unknown;
                                };
                                updated_at: string;
                                view_count: number;
                            };
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putAgentByAgentIdComposeAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agent_id: string;
                    token: string;
                    url: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ComposeAgentRegistration"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAgentByAgentIdComposeAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ComposeAgentRegistration"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAgentByAgentIdRotateToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agent_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            item: components["schemas"]["AgentCredentials"];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAgentCommandsEnqueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    command_type: string;
                    deployment_hash: string;
                    parameters?: {
                        [key: string]: unknown;
                    } | null;
                    priority?: ("low" | "normal" | "high" | "critical") | null;
                    timeout_seconds?: number | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAgentCommandsReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    command_id: string;
                    command_status?: ("completed" | "failed") | null;
                    completed_at?: string | null;
                    deployment_hash: string;
                    error?: (string | {
                        [key: string]: unknown;
                    }) | null;
                    errors?: ({
                        code: string;
                        details?: unknown;
                        message: string;
                    } & {
                        [key: string]: unknown;
                    })[] | null;
                    executed_by?: ("status_panel" | "compose_agent") | null;
                    result?: unknown;
                    status: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            /** @enum {boolean} */
                            accepted: true;
                            command_id: string;
                            status: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description The request is well-formed but breaks a rule of the resource. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAgentCommandsWaitByDeploymentHash: {
        parameters: {
            query?: {
                timeout?: unknown;
            };
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"] | null;
                        message: string;
                        meta: {
                            next_poll_secs: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAgentDeploymentsByDeploymentHash: {
        parameters: {
            query?: {
                command_limit?: number;
                include_command_results?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commands: {
                            [key: string]: unknown;
                        }[];
                        containers: {
                            [key: string]: unknown;
                        }[];
                        item: components["schemas"]["AgentSnapshot"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAgentLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capabilities?: string[] | null;
                    /** @description The deployment's hash */
                    deployment_id: string;
                    server_fingerprint?: unknown;
                    session_token: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentLink"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAgentLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentLogin"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Internal Server Error. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAgentNotifications: {
        parameters: {
            query?: {
                deployment_hash?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            notifications: {
                                created_at: string;
                                id: string;
                                /** @enum {string} */
                                kind: "stack_update_available" | "stack_published" | "system_notice";
                                message: string;
                                new_version?: string;
                                read?: boolean;
                                stack_id?: string | null;
                                stack_name?: string;
                                title: string;
                            }[];
                        };
                        message: string;
                        notifications: {
                            created_at: string;
                            id: string;
                            /** @enum {string} */
                            kind: "stack_update_available" | "stack_published" | "system_notice";
                            message: string;
                            new_version?: string;
                            read?: boolean;
                            stack_id?: string | null;
                            stack_name?: string;
                            title: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAgentProjectByProjectId: {
        parameters: {
            query?: {
                command_limit?: number;
                include_command_results?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        commands: {
                            [key: string]: unknown;
                        }[];
                        containers: {
                            [key: string]: unknown;
                        }[];
                        item: components["schemas"]["AgentSnapshot"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAgentRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agent_version: string;
                    capabilities?: string[] | null;
                    deployment_hash: string;
                    public_key?: string | null;
                    rotate?: boolean | null;
                    system_info?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            item: components["schemas"]["AgentCredentials"];
                        };
                    };
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            item: components["schemas"]["AgentCredentials"];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAppsStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    app_code: string;
                    deployment_hash: string;
                    logs?: string[] | null;
                    /** @enum {string} */
                    status: "running" | "stopped" | "error";
                    timestamp?: (string | number) | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postCommands: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    command_type: string;
                    deployment_hash: string;
                    parameters?: {
                        [key: string]: unknown;
                    } | null;
                    priority?: ("low" | "normal" | "high" | "critical") | null;
                    timeout_seconds?: number | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCommandsByDeploymentHash: {
        parameters: {
            query?: {
                cursor?: string;
                include_results?: "0" | "1" | "true" | "false";
                limit?: number;
                since?: string;
                wait_ms?: number;
            };
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: components["schemas"]["Command"][];
                        message: string;
                        meta: {
                            next_cursor?: string | null;
                            next_since: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCommandsByDeploymentHashByCommandId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                command_id: string;
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postCommandsByDeploymentHashByCommandIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                command_id: string;
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCommandsByDeploymentHashLatest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: components["schemas"]["Command"][];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCommandsByDeploymentHashStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getComposeByDeploymentHashLogs: {
        parameters: {
            query: {
                app_code: string;
                cursor?: string | null;
                limit?: number | null;
            };
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["AgentResult"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
            /** @description A dependency did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getComposeByDeploymentHashMetrics: {
        parameters: {
            query?: {
                app_code?: string | null;
            };
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["AgentResult"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
            /** @description A dependency did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postComposeByDeploymentHashRestart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    app_code: string;
                    container?: string | null;
                    force?: boolean | null;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["AgentResult"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
            /** @description A dependency did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getComposeByDeploymentHashStatus: {
        parameters: {
            query?: {
                app_code?: string | null;
            };
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["AgentResult"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
            /** @description A dependency did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDeployments: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                project_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            created_at: string;
                            deployment_hash: string;
                            id: number;
                            metadata: {
                                [key: string]: unknown;
                            };
                            name: string | null;
                            project_id: number;
                            server_ip: string | null;
                            status: string;
                            status_message: string | null;
                            template_id: string | null;
                            template_version: string | null;
                            updated_at: string;
                            user_id: string;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postDeployments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cloud?: {
                        [key: string]: unknown;
                    } | null;
                    environment?: {
                        [key: string]: string | number | boolean | null;
                    } | null;
                    name: string;
                    server?: {
                        [key: string]: unknown;
                    } | null;
                    template: string;
                };
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            deployment: {
                                created_at: string;
                                deployment_hash: string;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string | null;
                                project_id: number;
                                server_ip: string | null;
                                status: string;
                                status_message: string | null;
                                template_id: string | null;
                                template_version: string | null;
                                updated_at: string;
                                user_id: string;
                            };
                            project: {
                                created_at: string;
                                id: number;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                name: string;
                                template_id: string | null;
                                template_version: string | null;
                                updated_at: string;
                                user_id: string;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description Payment required: the template is paid and the caller has not bought it. */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsByDeploymentHash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A digits-only segment is the id, anything else the hash */
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            created_at: string;
                            deployment_hash: string;
                            id: number;
                            metadata: {
                                [key: string]: unknown;
                            };
                            name: string | null;
                            project_id: number;
                            server_ip: string | null;
                            status: string;
                            status_message: string | null;
                            template_id: string | null;
                            template_version: string | null;
                            updated_at: string;
                            user_id: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteDeploymentsByDeploymentHash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            created_at: string;
                            deployment_hash: string;
                            id: number;
                            metadata: {
                                [key: string]: unknown;
                            };
                            name: string | null;
                            project_id: number;
                            server_ip: string | null;
                            status: string;
                            status_message: string | null;
                            template_id: string | null;
                            template_version: string | null;
                            updated_at: string;
                            user_id: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsByDeploymentHashCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Capabilities"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsByDeploymentHashContainersByAppCodeLogs: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number | null;
            };
            header?: never;
            path: {
                app_code: string;
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["AgentResult"];
                        message: string;
                    };
                };
            };
            /** @description Accepted: the work continues in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        command_id: string;
                        message: string;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postDeploymentsByDeploymentHashContainersByAppCodeRestart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_code: string;
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    container?: string | null;
                    force?: boolean | null;
                    timeout?: number | null;
                } | null;
            };
        };
        responses: {
            /** @description Accepted: the work continues in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postDeploymentsByDeploymentHashContainersByAppCodeStart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_code: string;
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    container?: string | null;
                    force?: boolean | null;
                    timeout?: number | null;
                } | null;
            };
        };
        responses: {
            /** @description Accepted: the work continues in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postDeploymentsByDeploymentHashContainersByAppCodeStop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app_code: string;
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    container?: string | null;
                    force?: boolean | null;
                    timeout?: number | null;
                } | null;
            };
        };
        responses: {
            /** @description Accepted: the work continues in the background. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["Command"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            /** @description A dependency answered with something unusable. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsByDeploymentHashEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["DeploymentEventFeed"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsByDeploymentHashPlan: {
        parameters: {
            query?: {
                appCode?: string;
                expectedFingerprint?: string;
                operation?: "deploy" | "deploy_app" | "rollback_deploy";
                rollbackTarget?: string;
                target?: string;
            };
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["DeployPlan"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsByDeploymentHashState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["DeploymentState"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postDeploymentsByIdForceComplete: {
        parameters: {
            query?: {
                force?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            created_at: string;
                            deployment_hash: string;
                            id: number;
                            metadata: {
                                [key: string]: unknown;
                            };
                            name: string | null;
                            project_id: number;
                            server_ip: string | null;
                            status: string;
                            status_message: string | null;
                            template_id: string | null;
                            template_version: string | null;
                            updated_at: string;
                            user_id: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsHashByHash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            created_at: string;
                            deployment_hash: string;
                            id: number;
                            metadata: {
                                [key: string]: unknown;
                            };
                            name: string | null;
                            project_id: number;
                            server_ip: string | null;
                            status: string;
                            status_message: string | null;
                            template_id: string | null;
                            template_version: string | null;
                            updated_at: string;
                            user_id: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDeploymentsProjectByProjectId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            created_at: string;
                            deployment_hash: string;
                            id: number;
                            metadata: {
                                [key: string]: unknown;
                            };
                            name: string | null;
                            project_id: number;
                            server_ip: string | null;
                            status: string;
                            status_message: string | null;
                            template_id: string | null;
                            template_version: string | null;
                            updated_at: string;
                            user_id: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postHandoffMint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deployment_hash?: string | null;
                    deployment_id?: number | null;
                } | null;
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["HandoffLink"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postHandoffMintAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["HandoffLink"];
                        message: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postHandoffResolve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["HandoffPayload"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postMarketplaceAgentsRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not Implemented. */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMarketplaceApplications: {
        parameters: {
            query?: {
                category?: string;
                cursor?: string;
                limit?: number;
                q?: string;
                sort?: "recent" | "popular";
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            approved_at: string | null;
                            approved_version_id: string | null;
                            category_code: string | null;
                            created_at: string;
                            creator_name: string | null;
                            creator_user_id: string;
                            deploy_count: number;
                            /** Format: uuid */
                            id: string;
                            listing: {
                                /** @enum {string} */
                                billing_cycle: "free" | "one_time" | "monthly";
                                currency: string;
                                price: number;
                            } | null;
                            long_description: string | null;
                            name: string;
                            required_plan_name: string | null;
                            short_description: string | null;
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "needs_changes" | "approved" | "rejected";
                            submitted_at: string | null;
                            tags: string[];
                            tech_stack: {
                                [key: string]: unknown;
                            };
                            updated_at: string;
                            view_count: number;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            email: string | null;
                            id: string;
                            plan: string | null;
                            role: string;
                        };
                        message: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProject2: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "OK",
                     *       "list": [
                     *         {
                     *           "id": 7,
                     *           "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *           "user_id": "42",
                     *           "name": "website",
                     *           "metadata": {
                     *             "custom": {
                     *               "custom_stack_code": "website",
                     *               "web": [
                     *                 {
                     *                   "_id": "app_1",
                     *                   "name": "website",
                     *                   "code": "website",
                     *                   "type": "web",
                     *                   "restart": "always",
                     *                   "custom": true,
                     *                   "dockerhub_name": "nginx",
                     *                   "dockerhub_tag": "1.27",
                     *                   "shared_ports": [
                     *                     {
                     *                       "host_port": "8080",
                     *                       "container_port": "80"
                     *                     }
                     *                   ]
                     *                 }
                     *               ],
                     *               "networks": [
                     *                 {
                     *                   "id": "cli_net_18c2f",
                     *                   "name": "default_network",
                     *                   "driver": "bridge"
                     *                 }
                     *               ]
                     *             }
                     *           },
                     *           "created_at": "2026-12-04T10:00:00.000Z",
                     *           "updated_at": "2026-12-04T10:00:00.000Z",
                     *           "source_template_id": null,
                     *           "template_version": null
                     *         }
                     *       ]
                     *     } */
                    "application/json": {
                        list: components["schemas"]["Project"][];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProject2: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectFormInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Ok",
                     *       "item": {
                     *         "id": 7,
                     *         "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *         "user_id": "42",
                     *         "name": "website",
                     *         "metadata": {
                     *           "custom": {
                     *             "custom_stack_code": "website",
                     *             "web": [
                     *               {
                     *                 "_id": "app_1",
                     *                 "name": "website",
                     *                 "code": "website",
                     *                 "type": "web",
                     *                 "restart": "always",
                     *                 "custom": true,
                     *                 "dockerhub_name": "nginx",
                     *                 "dockerhub_tag": "1.27",
                     *                 "shared_ports": [
                     *                   {
                     *                     "host_port": "8080",
                     *                     "container_port": "80"
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "networks": [
                     *               {
                     *                 "id": "cli_net_18c2f",
                     *                 "name": "default_network",
                     *                 "driver": "bridge"
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z",
                     *         "source_template_id": null,
                     *         "template_version": null
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Project"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectById2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Ok",
                     *       "item": {
                     *         "id": 7,
                     *         "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *         "user_id": "42",
                     *         "name": "website",
                     *         "metadata": {
                     *           "custom": {
                     *             "custom_stack_code": "website",
                     *             "web": [
                     *               {
                     *                 "_id": "app_1",
                     *                 "name": "website",
                     *                 "code": "website",
                     *                 "type": "web",
                     *                 "restart": "always",
                     *                 "custom": true,
                     *                 "dockerhub_name": "nginx",
                     *                 "dockerhub_tag": "1.27",
                     *                 "shared_ports": [
                     *                   {
                     *                     "host_port": "8080",
                     *                     "container_port": "80"
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "networks": [
                     *               {
                     *                 "id": "cli_net_18c2f",
                     *                 "name": "default_network",
                     *                 "driver": "bridge"
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z",
                     *         "source_template_id": null,
                     *         "template_version": null
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Project"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectById2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectFormInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Ok",
                     *       "item": {
                     *         "id": 7,
                     *         "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *         "user_id": "42",
                     *         "name": "website",
                     *         "metadata": {
                     *           "custom": {
                     *             "custom_stack_code": "website",
                     *             "web": [
                     *               {
                     *                 "_id": "app_1",
                     *                 "name": "website",
                     *                 "code": "website",
                     *                 "type": "web",
                     *                 "restart": "always",
                     *                 "custom": true,
                     *                 "dockerhub_name": "nginx",
                     *                 "dockerhub_tag": "1.27",
                     *                 "shared_ports": [
                     *                   {
                     *                     "host_port": "8080",
                     *                     "container_port": "80"
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "networks": [
                     *               {
                     *                 "id": "cli_net_18c2f",
                     *                 "name": "default_network",
                     *                 "driver": "bridge"
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z",
                     *         "source_template_id": null,
                     *         "template_version": null
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Project"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectById2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Deleted"
                     *     } */
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdApps2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: components["schemas"]["ProjectApp"][];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdApps2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    app_code?: string;
                    code?: string;
                    command?: string | null;
                    config_files?: unknown;
                    depends_on?: unknown;
                    deploy_order?: number | null;
                    deployment_hash?: string | null;
                    domain?: string | null;
                    enabled?: boolean | null;
                    entrypoint?: string | null;
                    env?: unknown;
                    environment?: unknown;
                    healthcheck?: unknown;
                    image: string;
                    labels?: unknown;
                    name?: string | null;
                    networks?: unknown;
                    ports?: unknown;
                    resources?: unknown;
                    restart_policy?: string | null;
                    ssl_enabled?: boolean | null;
                    volumes?: unknown;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ProjectApp"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCode2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ProjectApp"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectByIdAppsByCode2: {
        parameters: {
            query?: {
                deployment_hash?: string;
            };
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            success: boolean;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeConfig2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            app_code: string;
                            domain: string | null;
                            environment: {
                                [key: string]: unknown;
                            };
                            ports: unknown;
                            project_id: number;
                            resources: unknown;
                            restart_policy: string;
                            runtime_env_contract: {
                                layers: {
                                    appliesWhen: string;
                                    description: string;
                                    name: string;
                                    precedence: number;
                                }[];
                                order: string;
                                version: string;
                            };
                            ssl_enabled: boolean;
                            volumes: unknown;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodeDomain2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domain?: string | null;
                    /** @default false */
                    ssl_enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            domain: string | null;
                            message: string;
                            ssl_enabled: boolean;
                            success: boolean;
                            updated_at: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeEnv2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            app_code: string;
                            count: number;
                            note: string;
                            project_id: number;
                            runtime_env_contract: {
                                layers: {
                                    appliesWhen: string;
                                    description: string;
                                    name: string;
                                    precedence: number;
                                }[];
                                order: string;
                                version: string;
                            };
                            variables: {
                                [key: string]: unknown;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodeEnv2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    variables: unknown;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            success: boolean;
                            updated_at: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectByIdAppsByCodeEnvByName2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            success: boolean;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodePorts2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ports: {
                        container: number;
                        host: number;
                        /** @default tcp */
                        protocol?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            ports: unknown;
                            success: boolean;
                            updated_at: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeSecrets2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: components["schemas"]["SecretMeta"][];
                        message: string;
                        meta: {
                            app_code: string;
                            project_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeSecretsByName2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["SecretMeta"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodeSecretsByName2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["SecretMeta"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectByIdAppsByCodeSecretsByName2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        meta: {
                            /** @enum {boolean} */
                            deleted: true;
                            name: string;
                            /** @enum {string} */
                            scope: "service";
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdCompose2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "item": "version: \"3.8\"\nservices:\n  website:\n    image: nginx:1.27\n    restart: always\n"
                     *     } */
                    "application/json": {
                        id: number;
                        item: string;
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdDeploy2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeployInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "meta": {
                     *         "deployment_id": 12
                     *       }
                     *     } */
                    "application/json": {
                        id: number;
                        message: string;
                        meta: {
                            deployment_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdDeployByCloudId2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cloud_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeployInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "meta": {
                     *         "deployment_id": 12
                     *       }
                     *     } */
                    "application/json": {
                        id: number;
                        message: string;
                        meta: {
                            deployment_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdRollback2: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "meta": {
                     *         "deployment_id": 12
                     *       }
                     *     } */
                    "application/json": {
                        id: number;
                        message: string;
                        meta: {
                            deployment_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectShared2: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            id: number;
                            name: string;
                            role: string;
                            shared_at: string;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCloud: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "OK",
                     *       "list": [
                     *         {
                     *           "id": 3,
                     *           "user_id": "42",
                     *           "name": "hetzner-main",
                     *           "provider": "htz",
                     *           "cloud_token": "hcloud****",
                     *           "cloud_key": null,
                     *           "cloud_secret": null,
                     *           "save_token": true,
                     *           "created_at": "2026-12-04T10:00:00.000Z",
                     *           "updated_at": "2026-12-04T10:00:00.000Z"
                     *         }
                     *       ]
                     *     } */
                    "application/json": {
                        list: components["schemas"]["Cloud"][];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postCloud: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {
                 *       "provider": "htz",
                 *       "name": "hetzner-main",
                 *       "cloud_token": "hcloud-token-value",
                 *       "save_token": true
                 *     } */
                "application/json": components["schemas"]["CloudFormInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "success",
                     *       "item": {
                     *         "id": 3,
                     *         "user_id": "42",
                     *         "name": "hetzner-main",
                     *         "provider": "htz",
                     *         "cloud_token": "hcloud****",
                     *         "cloud_key": null,
                     *         "cloud_secret": null,
                     *         "save_token": true,
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z"
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Cloud"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCloudById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "OK",
                     *       "item": {
                     *         "id": 3,
                     *         "user_id": "42",
                     *         "name": "hetzner-main",
                     *         "provider": "htz",
                     *         "cloud_token": "hcloud****",
                     *         "cloud_key": null,
                     *         "cloud_secret": null,
                     *         "save_token": true,
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z"
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Cloud"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putCloudById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {
                 *       "provider": "htz",
                 *       "name": "hetzner-main",
                 *       "cloud_token": "hcloud-token-value",
                 *       "save_token": true
                 *     } */
                "application/json": components["schemas"]["CloudFormInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "success",
                     *       "item": {
                     *         "id": 3,
                     *         "user_id": "42",
                     *         "name": "hetzner-main",
                     *         "provider": "htz",
                     *         "cloud_token": "hcloud****",
                     *         "cloud_key": null,
                     *         "cloud_secret": null,
                     *         "save_token": true,
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z"
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Cloud"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCloudById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Deleted"
                     *     } */
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getHealthCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: "ok" | "down" | "degraded" | "not_configured";
                        };
                        /** @enum {string} */
                        status: "ok" | "degraded" | "down";
                    };
                };
            };
            /** @description A dependency (database, User Service) is unavailable or the server is shutting down; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        checks: {
                            [key: string]: "ok" | "down" | "degraded" | "not_configured";
                        };
                        /** @enum {string} */
                        status: "ok" | "degraded" | "down";
                    };
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "OK",
                     *       "list": [
                     *         {
                     *           "id": 7,
                     *           "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *           "user_id": "42",
                     *           "name": "website",
                     *           "metadata": {
                     *             "custom": {
                     *               "custom_stack_code": "website",
                     *               "web": [
                     *                 {
                     *                   "_id": "app_1",
                     *                   "name": "website",
                     *                   "code": "website",
                     *                   "type": "web",
                     *                   "restart": "always",
                     *                   "custom": true,
                     *                   "dockerhub_name": "nginx",
                     *                   "dockerhub_tag": "1.27",
                     *                   "shared_ports": [
                     *                     {
                     *                       "host_port": "8080",
                     *                       "container_port": "80"
                     *                     }
                     *                   ]
                     *                 }
                     *               ],
                     *               "networks": [
                     *                 {
                     *                   "id": "cli_net_18c2f",
                     *                   "name": "default_network",
                     *                   "driver": "bridge"
                     *                 }
                     *               ]
                     *             }
                     *           },
                     *           "created_at": "2026-12-04T10:00:00.000Z",
                     *           "updated_at": "2026-12-04T10:00:00.000Z",
                     *           "source_template_id": null,
                     *           "template_version": null
                     *         }
                     *       ]
                     *     } */
                    "application/json": {
                        list: components["schemas"]["Project"][];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectFormInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Ok",
                     *       "item": {
                     *         "id": 7,
                     *         "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *         "user_id": "42",
                     *         "name": "website",
                     *         "metadata": {
                     *           "custom": {
                     *             "custom_stack_code": "website",
                     *             "web": [
                     *               {
                     *                 "_id": "app_1",
                     *                 "name": "website",
                     *                 "code": "website",
                     *                 "type": "web",
                     *                 "restart": "always",
                     *                 "custom": true,
                     *                 "dockerhub_name": "nginx",
                     *                 "dockerhub_tag": "1.27",
                     *                 "shared_ports": [
                     *                   {
                     *                     "host_port": "8080",
                     *                     "container_port": "80"
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "networks": [
                     *               {
                     *                 "id": "cli_net_18c2f",
                     *                 "name": "default_network",
                     *                 "driver": "bridge"
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z",
                     *         "source_template_id": null,
                     *         "template_version": null
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Project"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Ok",
                     *       "item": {
                     *         "id": 7,
                     *         "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *         "user_id": "42",
                     *         "name": "website",
                     *         "metadata": {
                     *           "custom": {
                     *             "custom_stack_code": "website",
                     *             "web": [
                     *               {
                     *                 "_id": "app_1",
                     *                 "name": "website",
                     *                 "code": "website",
                     *                 "type": "web",
                     *                 "restart": "always",
                     *                 "custom": true,
                     *                 "dockerhub_name": "nginx",
                     *                 "dockerhub_tag": "1.27",
                     *                 "shared_ports": [
                     *                   {
                     *                     "host_port": "8080",
                     *                     "container_port": "80"
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "networks": [
                     *               {
                     *                 "id": "cli_net_18c2f",
                     *                 "name": "default_network",
                     *                 "driver": "bridge"
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z",
                     *         "source_template_id": null,
                     *         "template_version": null
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Project"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectFormInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Ok",
                     *       "item": {
                     *         "id": 7,
                     *         "stack_id": "3f2c9a7e-1d44-4b8e-9a51-6c0f5e2d8b10",
                     *         "user_id": "42",
                     *         "name": "website",
                     *         "metadata": {
                     *           "custom": {
                     *             "custom_stack_code": "website",
                     *             "web": [
                     *               {
                     *                 "_id": "app_1",
                     *                 "name": "website",
                     *                 "code": "website",
                     *                 "type": "web",
                     *                 "restart": "always",
                     *                 "custom": true,
                     *                 "dockerhub_name": "nginx",
                     *                 "dockerhub_tag": "1.27",
                     *                 "shared_ports": [
                     *                   {
                     *                     "host_port": "8080",
                     *                     "container_port": "80"
                     *                   }
                     *                 ]
                     *               }
                     *             ],
                     *             "networks": [
                     *               {
                     *                 "id": "cli_net_18c2f",
                     *                 "name": "default_network",
                     *                 "driver": "bridge"
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "created_at": "2026-12-04T10:00:00.000Z",
                     *         "updated_at": "2026-12-04T10:00:00.000Z",
                     *         "source_template_id": null,
                     *         "template_version": null
                     *       }
                     *     } */
                    "application/json": {
                        item: components["schemas"]["Project"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Deleted"
                     *     } */
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdApps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: components["schemas"]["ProjectApp"][];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdApps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    app_code?: string;
                    code?: string;
                    command?: string | null;
                    config_files?: unknown;
                    depends_on?: unknown;
                    deploy_order?: number | null;
                    deployment_hash?: string | null;
                    domain?: string | null;
                    enabled?: boolean | null;
                    entrypoint?: string | null;
                    env?: unknown;
                    environment?: unknown;
                    healthcheck?: unknown;
                    image: string;
                    labels?: unknown;
                    name?: string | null;
                    networks?: unknown;
                    ports?: unknown;
                    resources?: unknown;
                    restart_policy?: string | null;
                    ssl_enabled?: boolean | null;
                    volumes?: unknown;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ProjectApp"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ProjectApp"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectByIdAppsByCode: {
        parameters: {
            query?: {
                deployment_hash?: string;
            };
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            success: boolean;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeConfig: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            app_code: string;
                            domain: string | null;
                            environment: {
                                [key: string]: unknown;
                            };
                            ports: unknown;
                            project_id: number;
                            resources: unknown;
                            restart_policy: string;
                            runtime_env_contract: {
                                layers: {
                                    appliesWhen: string;
                                    description: string;
                                    name: string;
                                    precedence: number;
                                }[];
                                order: string;
                                version: string;
                            };
                            ssl_enabled: boolean;
                            volumes: unknown;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodeDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domain?: string | null;
                    /** @default false */
                    ssl_enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            domain: string | null;
                            message: string;
                            ssl_enabled: boolean;
                            success: boolean;
                            updated_at: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeEnv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            app_code: string;
                            count: number;
                            note: string;
                            project_id: number;
                            runtime_env_contract: {
                                layers: {
                                    appliesWhen: string;
                                    description: string;
                                    name: string;
                                    precedence: number;
                                }[];
                                order: string;
                                version: string;
                            };
                            variables: {
                                [key: string]: unknown;
                            };
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodeEnv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    variables: unknown;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            success: boolean;
                            updated_at: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description The request conflicts with the current state of the resource. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectByIdAppsByCodeEnvByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            success: boolean;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodePorts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ports: {
                        container: number;
                        host: number;
                        /** @default tcp */
                        protocol?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: {
                            message: string;
                            ports: unknown;
                            success: boolean;
                            updated_at: string;
                        };
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeSecrets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: components["schemas"]["SecretMeta"][];
                        message: string;
                        meta: {
                            app_code: string;
                            project_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdAppsByCodeSecretsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["SecretMeta"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putProjectByIdAppsByCodeSecretsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["SecretMeta"];
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProjectByIdAppsByCodeSecretsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        meta: {
                            /** @enum {boolean} */
                            deleted: true;
                            name: string;
                            /** @enum {string} */
                            scope: "service";
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectByIdCompose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "item": "version: \"3.8\"\nservices:\n  website:\n    image: nginx:1.27\n    restart: always\n"
                     *     } */
                    "application/json": {
                        id: number;
                        item: string;
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdDeploy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeployInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "meta": {
                     *         "deployment_id": 12
                     *       }
                     *     } */
                    "application/json": {
                        id: number;
                        message: string;
                        meta: {
                            deployment_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdDeployByCloudId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cloud_id: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeployInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "meta": {
                     *         "deployment_id": 12
                     *       }
                     *     } */
                    "application/json": {
                        id: number;
                        message: string;
                        meta: {
                            deployment_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postProjectByIdRollback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {
                     *       "message": "Success",
                     *       "id": 7,
                     *       "meta": {
                     *         "deployment_id": 12
                     *       }
                     *     } */
                    "application/json": {
                        id: number;
                        message: string;
                        meta: {
                            deployment_id: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getProjectShared: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        list: {
                            id: number;
                            name: string;
                            role: string;
                            shared_at: string;
                        }[];
                        message: string;
                        meta?: {
                            next_cursor?: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
