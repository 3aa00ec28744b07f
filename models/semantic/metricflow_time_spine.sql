-- One row per day, for MetricFlow to join metrics to time: 2015 through 2035.

with

days as (

    {{ day_series('2015-01-01', '2036-01-01') }}

)

select date_day from days
