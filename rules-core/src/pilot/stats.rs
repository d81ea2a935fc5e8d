//! Exact small statistics for the pilot report: medians and means as decimal
//! text with one decimal (no floating point, so every build prints the same).

/// `num / den` rounded half away from zero to tenths, as text ("12.5", "-3.0").
pub fn tenths(num: i64, den: i64) -> String {
    if den == 0 {
        return String::new();
    }
    let scaled = i128::from(num) * 10;
    let den = i128::from(den);
    let q = (scaled.abs() * 2 + den.abs()) / (den.abs() * 2);
    let negative = (scaled < 0) != (den < 0) && q != 0;
    format!("{}{}.{}", if negative { "-" } else { "" }, q / 10, q % 10)
}

/// Median of `values` (sorted here), exact to a half, as text; `None` when empty.
pub fn median(values: &[i64]) -> Option<String> {
    let mut v = values.to_vec();
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => v.get(n / 2).map(|m| tenths(*m, 1)),
        _ => Some(tenths(v[n / 2 - 1] + v[n / 2], 2)),
    }
}

/// Mean of `values` to tenths, as text; `None` when empty.
pub fn mean(values: &[i64]) -> Option<String> {
    if values.is_empty() {
        return None;
    }
    Some(tenths(values.iter().sum(), values.len() as i64))
}

/// "12.5" → "12,5" (Dutch decimal comma) for the HTML report.
pub fn dutch(decimal: &str) -> String {
    decimal.replace('.', ",")
}

/// Whole-number percentage of `part` in `whole`, rounded half up; `None` when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> Option<u64> {
    (whole > 0).then(|| (part * 200 + whole) / (whole * 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_medians_means_and_rounding() {
        assert_eq!(median(&[3, 1, 2]).as_deref(), Some("2.0"));
        assert_eq!(median(&[1, 2]).as_deref(), Some("1.5"));
        assert_eq!(median(&[-3, -2]).as_deref(), Some("-2.5"));
        assert_eq!(median(&[]), None);
        assert_eq!(mean(&[1, 2, 2]).as_deref(), Some("1.7"));
        assert_eq!(mean(&[-1, -2, -2]).as_deref(), Some("-1.7"));
        assert_eq!(tenths(1, 20), "0.1"); // 0.05 rounds away from zero
        assert_eq!(tenths(-1, 20), "-0.1");
        assert_eq!(tenths(-1, 30), "0.0");
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(0, 0), None);
    }
}
