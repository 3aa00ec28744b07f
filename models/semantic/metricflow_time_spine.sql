-- One row per day, for MetricFlow to join metrics to time: 2015 through 2035.

with

days as (

    select cast(range as date) as date_day
    from range(date '2015-01-01', date '2036-01-01', interval 1 day)

)

select date_day from days
