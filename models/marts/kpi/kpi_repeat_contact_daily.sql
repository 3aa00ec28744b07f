-- Repeat contacts per day, vendor and queue: of the contacts whose window has closed, the share
-- the same customer followed with another contact within var repeat_contact_window_days (on any
-- vendor), its complement the first-contact-resolution proxy, and the share of those repeats that
-- came through another vendor (DECISIONLOG.md).

with

repeats as (

    select * from {{ ref('fct_repeat_contacts') }}

),

queues as (

    select * from {{ ref('dim_queues') }}

),

daily as (

    select
        activity_date,
        source_system,
        queue_key,
        count(*) as contact_count,
        sum(case when is_window_closed then 1 else 0 end) as observed_contact_count,
        sum(case when is_window_closed and is_repeated then 1 else 0 end) as repeated_count,
        sum(
            case when is_window_closed and is_repeated_on_other_vendor then 1 else 0 end
        ) as repeated_on_other_vendor_count
    from repeats
    group by activity_date, source_system, queue_key

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'cast(daily.activity_date as ' ~ dbt.type_string() ~ ')', "'|'",
            'daily.source_system', "'|'", "coalesce(daily.queue_key, '')"
        ])) }} as kpi_repeat_contact_daily_key,
        daily.activity_date,
        daily.source_system,
        daily.queue_key,
        queues.queue_name,
        cast({{ var('repeat_contact_window_days') }} as integer) as repeat_window_days,
        cast(daily.contact_count as bigint) as contact_count,
        cast(daily.observed_contact_count as bigint) as observed_contact_count,
        cast(daily.repeated_count as bigint) as repeated_count,
        cast(daily.repeated_on_other_vendor_count as bigint) as repeated_on_other_vendor_count,
        cast(daily.repeated_count as double)
        / nullif(daily.observed_contact_count, 0) as repeat_rate,
        cast(daily.observed_contact_count - daily.repeated_count as double)
        / nullif(daily.observed_contact_count, 0) as first_contact_resolution_rate,
        cast(daily.repeated_on_other_vendor_count as double)
        / nullif(daily.repeated_count, 0) as cross_vendor_repeat_share
    from daily
    left join queues
        on daily.queue_key = queues.queue_key

)

select
    kpi_repeat_contact_daily_key,
    activity_date,
    source_system,
    queue_key,
    queue_name,
    repeat_window_days,
    contact_count,
    observed_contact_count,
    repeated_count,
    repeated_on_other_vendor_count,
    repeat_rate,
    first_contact_resolution_rate,
    cross_vendor_repeat_share
from final
