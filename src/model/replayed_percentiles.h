#pragma once
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace zorgcap {

struct Percentiles;

// P5, P50 and P95 of a column (by linear interpolation between closest ranks, as `percentile` of the
// sorted column gives them: each is found by selection, so the cost grows linearly) and its mean,
// summed in the column's order. Reorders the column.
Percentiles column_percentiles(std::vector<double>& column);

// Rows of values that can be made again: `replay(limit, row)` calls `row` with each of the first
// `limit` rows, the same rows in the same order every time (a Monte Carlo run from its seed).
using RowReplay = std::function<void(std::size_t limit, const std::function<void(std::span<const double>)>& row)>;

// column_percentiles of each of `width` columns of `rows` rows, the same values, without keeping the
// columns: a short pilot replay sets buckets over each column's range, a full replay counts the
// values per bucket, and a last one keeps only the values in the buckets that hold the wanted ranks
// (none for a bucket whose values are all one number, such as a column that does not vary).
// Where equal values can differ (a column with a zero, 0 or −0, or a NaN) the order statistics depend
// on how they were selected, so such a column is kept whole and given to column_percentiles; so is
// every column of a few rows (one replay then). Throws std::logic_error if a replay gives other rows.
std::vector<Percentiles> replayed_percentiles(std::size_t rows, std::size_t width, const RowReplay& replay);

}  // namespace zorgcap
