{#- The JSON structure of one NICE CXone Interaction Analytics export record (one segment), for
    json_transform: every metric the vendor's export documentation lists, with the names its table
    lost taken from NICE's public CXone documentation (DECISIONLOG.md), typed. Ids stay text, even
    where NICE sends numbers. Keys missing from a record become NULL. The dataset id lists and
    `enlightenPackageModels` stay JSON: each may arrive as a list or as a single value, and
    staging reads both (json_as_list). -#}
{% macro nice_cxone_segment_structure() -%}
{%- set text_keys = [
    "id", "externalId", "segmentId", "masterExternalId", "segmentContactId", "interactionId",
    "masterContactId", "contactId", "acdContactId", "agentContactId", "acdSessionId",
    "customerId", "tenantId", "accountId", "businessUnitId", "versionId",
    "agentId", "agentCommonId", "agentUserId", "agentUuid", "agentName",
    "agentRecordingId", "clientRecordingId", "agentStreamId", "clientStreamId", "clientUserId",
    "recorderId", "recordingId", "skillId", "skillName", "teamId", "teamName",
    "campaignId", "campaignName", "pointOfContactId", "pointOfContactName",
    "primaryDispositionId", "secondaryDispositionId", "dispositionNotes",
    "transferIndicatorId", "transferIndicatorName", "threadId", "caseId",
    "mediaType", "channelType", "source", "direction",
    "openReason", "openReasonType", "closeReason", "closeReasonType", "refuseReason",
    "ani", "clientAni", "clientDialedIn", "clientPhoneNumber", "dialedIn", "phoneNumber",
    "fromAddr", "toAddr", "firstName", "lastName",
    "mediaLocation", "status", "statusDescription", "timeZone", "updateType",
    "acquiredAt", "publishedAt", "startTime", "endTime"
] -%}
{%- set number_keys = [
    "resolvedProbability", "abandonSeconds", "acwSeconds", "agentSeconds", "callbackTime",
    "confSeconds", "holdSeconds", "inQueueSeconds", "interactionDurationSeconds",
    "totalDurationSeconds", "notableSilencePercentage", "notableSilenceSeconds",
    "postQueueSeconds", "preQueueSeconds", "releaseSeconds", "routingTime", "refuseTime"
] -%}
{%- set boolean_keys = [
    "resolved", "outbound", "complex", "abandoned", "shortAbandon", "refused",
    "analyticsProcessed", "logged"
] -%}
{%- set structure = {
    "holdCount": "BIGINT", "serviceLevelFlag": "BIGINT",
    "matchedDataSetIds": "JSON", "matchedAccountDataSetIds": "JSON",
    "agentInfo": {"agentUserId": "VARCHAR", "firstName": "VARCHAR", "lastName": "VARCHAR"},
    "channels": [{
        "name": "VARCHAR", "text": "VARCHAR", "languageCode": "VARCHAR",
        "sentiment": "VARCHAR", "beginSentiment": "VARCHAR", "endSentiment": "VARCHAR",
        "frustration": "VARCHAR"
    }],
    "entities": [{
        "channelName": "VARCHAR", "displayText": "VARCHAR", "type": "VARCHAR",
        "sentimentValue": "VARCHAR", "custom": "BOOLEAN", "count": "BIGINT"
    }],
    "categoryMatches": [{
        "channelName": "VARCHAR", "fullPath": "VARCHAR", "dataSetIds": "JSON"
    }],
    "enlightenMetrics": [{
        "behaviorName": "VARCHAR", "rawScore": "DOUBLE", "indexScore": "DOUBLE",
        "enlightenPackageModels": "JSON"
    }],
    "interwovenTranscript": {
        "transcriptType": "VARCHAR",
        "transcriptBlock": [{
            "channelName": "VARCHAR", "offset": "BIGINT", "length": "BIGINT",
            "blockId": "VARCHAR", "text": "VARCHAR", "ignored": "BOOLEAN",
            "channelMetadata": {
                "voiceMetadata": {"startTime": "DOUBLE", "endTime": "DOUBLE", "confidence": "DOUBLE"},
                "chatMetadata": {"timestamp": "VARCHAR"},
                "emailMetadata": {
                    "sentDate": "VARCHAR", "subject": "VARCHAR", "from": "VARCHAR", "to": "VARCHAR"
                }
            }
        }]
    }
} -%}
{%- for key in text_keys %}{% do structure.update({key: "VARCHAR"}) %}{% endfor -%}
{%- for key in number_keys %}{% do structure.update({key: "DOUBLE"}) %}{% endfor -%}
{%- for key in boolean_keys %}{% do structure.update({key: "BOOLEAN"}) %}{% endfor -%}
{{ return(structure) }}
{%- endmacro %}
