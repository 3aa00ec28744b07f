-- The conversations the Buzzeasy feed has delivered and staging holds, whatever their entity set
-- (Calls, Chats, Emails or the generic Conversations): what a workitem, queue segment or bot
-- segment must name to reach staging.

{{ config(materialized='view') }}

select conversation_id from {{ ref('stg_buzzeasy__calls') }}
union
select conversation_id from {{ ref('stg_buzzeasy__chats') }}
union
select conversation_id from {{ ref('stg_buzzeasy__emails') }}
union
select conversation_id from {{ ref('stg_buzzeasy__conversations') }}
