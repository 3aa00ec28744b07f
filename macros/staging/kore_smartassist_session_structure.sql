{#- The JSON structure of one SmartAssist interactionDetails session, for parse_json_struct:
    every field the vendor documents, typed. Times stay text (they are converted with the load's
    assumed offset in staging). `metaInfo` is free-form and the shapes of consulting agents and
    joined users are not documented: those stay JSON. The response spells the customer block
    `customerinfo`; the field table says `customerInfo`, which base_kore_smartassist__sessions
    keeps beside (struct keys ignore case on DuckDB, and Spark resolves fields without case, so
    one structure cannot hold both). -#}
{% macro kore_smartassist_session_structure() -%}
{%- set agent_segment = {
    "agentId": "VARCHAR", "name": "VARCHAR", "email": "VARCHAR", "destinationType": "VARCHAR",
    "status": "VARCHAR", "agentNotes": "JSON",
    "assignedAt": "VARCHAR", "acceptedTime": "VARCHAR", "firstResponseTime": "VARCHAR",
    "firstResponseDuration": "DOUBLE", "interactionEndTime": "VARCHAR",
    "interactionDuration": "DOUBLE", "afterCallWorkDuration": "DOUBLE",
    "afterCallWorkEndTime": "VARCHAR", "ConsultingAgents": "JSON", "JoinedUsers": "JSON"
} -%}
{#- A destination is a QueueEntry or, for a direct transfer, an AgentSegment: one structure holds
    the keys of both. -#}
{%- set destination = dict(
    agent_segment,
    queueId="VARCHAR", queueName="VARCHAR", EnterTime="VARCHAR",
    respondingAgent=agent_segment,
    nonRespondingAgents=[{
        "agentId": "VARCHAR", "name": "VARCHAR", "email": "VARCHAR", "assignedAt": "VARCHAR"
    }]
) -%}
{%- set tag = {"name": "VARCHAR", "value": "VARCHAR"} -%}
{%- set structure = {
    "sessionId": "VARCHAR", "conversationId": "VARCHAR", "botId": "VARCHAR", "userId": "VARCHAR",
    "channelSpecificUserId": "VARCHAR", "orgId": "VARCHAR", "channel": "VARCHAR",
    "Direction": "VARCHAR", "isVoicemail": "VARCHAR",
    "smartStatus": "VARCHAR", "finalStatus": "VARCHAR", "statusDetail": "VARCHAR",
    "sessionStartTime": "VARCHAR", "sessionEndTime": "VARCHAR",
    "csatScore": "VARCHAR", "csatFeedback": "VARCHAR",
    "dispositions": ["VARCHAR"], "dispositionRemarks": ["VARCHAR"],
    "skills": [{"id": "VARCHAR", "name": "VARCHAR"}],
    "userleveltags": [tag], "sessionleveltags": [tag],
    "customerinfo": {
        "CustomerPhone": "VARCHAR", "CenterPhone": "VARCHAR", "Direction": "VARCHAR",
        "CustomerFirstName": "VARCHAR", "CustomerLastName": "VARCHAR", "CustomerEmail": "VARCHAR"
    },
    "metaInfo": "JSON",
    "destinations": [destination]
} -%}
{{ return(structure) }}
{%- endmacro %}
