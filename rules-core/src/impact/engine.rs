//! Figures only: the total exact minutes per year for answers already
//! checked, without trace, steps or allocation. The same rules and the same
//! checked arithmetic as `eval::evaluate` (a test holds them equal); used
//! where only totals count, and measured by `benches/impact_engine.rs`.

use crate::answers::Answers;
use crate::document::RuleKind;
use crate::error::Error;
use crate::expr::SAFE_MAX;
use crate::package::Version;

fn safe(v: Option<i64>) -> Option<i64> {
    v.filter(|v| (-SAFE_MAX..=SAFE_MAX).contains(v))
}

/// Total exact minutes per year of `answers` under `version`.
pub fn minutes_per_year(version: &Version, answers: &Answers) -> Result<i64, Error> {
    let slots = &answers.slots;
    let mut grand: i64 = 0;
    for area in &version.areas {
        let overflow = || Error::Overflow { path: area.id.clone() };
        let mut total: i64 = 0;
        for rule in &area.rules {
            if let Some(c) = &rule.when {
                if !c.expr.is_true(slots, version).map_err(|_| overflow())? {
                    continue;
                }
            }
            let count = match &rule.per {
                Some(c) => {
                    let n = c.expr.eval(slots, version).map_err(|_| overflow())?;
                    if n < 1 {
                        continue;
                    }
                    n
                }
                None => 1,
            };
            let unit = rule.amount.expr.eval(slots, version).map_err(|_| overflow())?;
            let amount = safe(unit.checked_mul(count)).ok_or_else(overflow)?;
            let change = if rule.kind == RuleKind::Reduction { -amount } else { amount };
            total = safe(total.checked_add(change)).ok_or_else(overflow)?;
        }
        if area.floor_at_zero && total < 0 {
            total = 0;
        }
        if let Some(m) = area.maximum {
            total = total.min(version.values[m as usize].internal);
        }
        grand = safe(grand.checked_add(total)).ok_or_else(overflow)?;
    }
    Ok(grand)
}
