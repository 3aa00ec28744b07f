{#- The JSON structure of a CxEngage "Get a Specific Interaction" document, for parse_json_struct:
    every key the vendor documents (and the statistics its reporting API is known to add), typed.
    Keys missing from a document become NULL; parts whose shape varies (notes, csat) stay JSON. -#}
{% macro cxengage_interaction_structure() -%}
{%- set agent = {
    "interactionAgentId": "VARCHAR", "agentId": "VARCHAR", "platformAgentId": "VARCHAR",
    "tenantAgentId": "VARCHAR", "agentName": "VARCHAR", "sessionId": "VARCHAR",
    "interactionSegmentId": "VARCHAR", "queueId": "VARCHAR",
    "startTimestamp": "VARCHAR", "endTimestamp": "VARCHAR"
} -%}
{#- A transcript message, in either shape: wrapped under `payload` (the transcript artifact,
    with epoch milliseconds in the outer `timestamp`) or unwrapped (messages sent live). -#}
{%- set message_content = {
    "id": "VARCHAR", "type": "VARCHAR", "from": "VARCHAR", "timestamp": "VARCHAR",
    "metadata": {"name": "VARCHAR", "source": "VARCHAR", "type": "VARCHAR"},
    "body": {
        "id": "VARCHAR", "text": "VARCHAR", "contentType": "VARCHAR",
        "file": {"mediaUrl": "VARCHAR"}
    }
} -%}
{%- set message = dict(message_content, payload=message_content) -%}
{%- set structure = {
    "interactionId": "VARCHAR", "tenantId": "VARCHAR", "flowId": "VARCHAR", "flowName": "VARCHAR",
    "contactId": "VARCHAR", "contactPoint": "VARCHAR", "customer": "VARCHAR",
    "channelType": "VARCHAR", "direction": "VARCHAR",
    "startTimestamp": "VARCHAR", "endTimestamp": "VARCHAR",
    "interactionTime": "DOUBLE", "ivrTime": "DOUBLE", "customerAbandonTime": "DOUBLE",
    "ivrAbandonTime": "DOUBLE", "ivrAbandoned": "BOOLEAN",
    "customerHolds": "BIGINT", "customerHoldTime": "DOUBLE", "customerHoldAbandoned": "BOOLEAN",
    "customerTalkTime": "DOUBLE", "customerConversationTime": "DOUBLE",
    "customerTransfers": "BIGINT",
    "flagged": "BOOLEAN", "flagType": "VARCHAR", "flagTimestamp": "VARCHAR",
    "audioRecording": "JSON",
    "dispositionId": "VARCHAR", "dispositionName": "VARCHAR",
    "notes": "JSON",
    "messagingTranscript": [message],
    "segments": [{
        "interactionSegmentId": "VARCHAR", "segmentNumber": "BIGINT",
        "segmentStartType": "VARCHAR", "segmentEndType": "VARCHAR",
        "segmentAgentId": "VARCHAR", "segmentToAgentId": "VARCHAR",
        "segmentCancelled": "BOOLEAN", "segmentCancelTime": "DOUBLE", "segmentTime": "DOUBLE",
        "startTimestamp": "VARCHAR", "endTimestamp": "VARCHAR"
    }],
    "queues": [{
        "interactionQueueId": "VARCHAR", "interactionSegmentId": "VARCHAR",
        "queueId": "VARCHAR", "platformQueueId": "VARCHAR", "queueName": "VARCHAR",
        "queueType": "VARCHAR", "queueEntryType": "VARCHAR", "queueExitType": "VARCHAR",
        "agentId": "VARCHAR", "queueAbandoned": "BOOLEAN", "slaAbandoned": "BOOLEAN",
        "queueEntryLength": "BIGINT", "queueTime": "DOUBLE", "queueAbandonTime": "DOUBLE",
        "slaTime": "DOUBLE", "startTimestamp": "VARCHAR", "endTimestamp": "VARCHAR"
    }],
    "agents": [agent],
    "hooks": [{
        "interactionHookId": "VARCHAR", "hookId": "VARCHAR", "hookType": "VARCHAR",
        "hookSubType": "VARCHAR", "hookName": "VARCHAR", "hookedBy": "VARCHAR",
        "agentId": "VARCHAR", "timestamp": "VARCHAR"
    }],
    "details": {
        "interactionId": "VARCHAR", "contactId": "VARCHAR", "contactPoint": "VARCHAR",
        "customer": "VARCHAR", "channelType": "VARCHAR", "direction": "VARCHAR",
        "startTimestamp": "VARCHAR", "endTimestamp": "VARCHAR",
        "csat": "JSON", "agents": [agent]
    }
} -%}
{{ return(structure) }}
{%- endmacro %}
