//! [`AnswerMap`]: an answers object's members, sorted by name.
//!
//! A sorted `Vec` with binary search, not a `BTreeMap`. The order and the
//! look-ups are the same (names compare as bytes, as `String`'s `Ord`
//! does), and the objects are small: a household's answers, a record's
//! parts, bounded by the answers limits (`limits.rs`). The B-tree's insert,
//! clone and drop code was 6 KB of every browser module, which never reads
//! more than one small object at a time (`docs/performance.md`, w26).

use super::answer_value::AnswerValue;

/// An object's members, sorted by name, each name once (as
/// `serde_json::Map` without `preserve_order`: iteration is in name order).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnswerMap {
    members: Vec<(String, AnswerValue)>,
}

/// A member as iteration yields it: name and value borrowed.
type Member<'a> = (&'a String, &'a AnswerValue);

/// The iterator of [`AnswerMap::iter`].
pub type Iter<'a> =
    std::iter::Map<std::slice::Iter<'a, (String, AnswerValue)>, fn(&'a (String, AnswerValue)) -> Member<'a>>;

impl AnswerMap {
    pub const fn new() -> AnswerMap {
        AnswerMap { members: Vec::new() }
    }

    /// From members already sorted by name, each name once (the JSON
    /// reader's objects, `json.rs`).
    pub(crate) fn from_sorted(members: Vec<(String, AnswerValue)>) -> AnswerMap {
        debug_assert!(members.windows(2).all(|w| w[0].0 < w[1].0));
        AnswerMap { members }
    }

    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.members.binary_search_by(|(name, _)| name.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&AnswerValue> {
        self.find(key).ok().map(|i| &self.members[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut AnswerValue> {
        self.find(key).ok().map(|i| &mut self.members[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; returns the value it replaces, if any.
    pub fn insert(&mut self, key: String, value: AnswerValue) -> Option<AnswerValue> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.members[i].1, value)),
            Err(i) => {
                self.members.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<AnswerValue> {
        self.find(key).ok().map(|i| self.members.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members in name order.
    pub fn iter(&self) -> Iter<'_> {
        self.members.iter().map(|(name, value)| (name, value))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.members.iter().map(|(name, _)| name)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &AnswerValue> + ExactSizeIterator {
        self.members.iter().map(|(_, value)| value)
    }
}

impl<'a> IntoIterator for &'a AnswerMap {
    type Item = Member<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for AnswerMap {
    type Item = (String, AnswerValue);
    type IntoIter = std::vec::IntoIter<(String, AnswerValue)>;

    /// The members in name order, owned.
    fn into_iter(self) -> Self::IntoIter {
        self.members.into_iter()
    }
}

/// As `BTreeMap`'s: a later member with the same name replaces the earlier.
impl FromIterator<(String, AnswerValue)> for AnswerMap {
    fn from_iter<I: IntoIterator<Item = (String, AnswerValue)>>(members: I) -> AnswerMap {
        let mut map = AnswerMap::new();
        map.extend(members);
        map
    }
}

impl Extend<(String, AnswerValue)> for AnswerMap {
    fn extend<I: IntoIterator<Item = (String, AnswerValue)>>(&mut self, members: I) {
        for (key, value) in members {
            self.insert(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn n(i: i64) -> AnswerValue {
        AnswerValue::Number(crate::input::answer_value::AnswerNumber::from_i64(i))
    }

    /// The same operations on a `BTreeMap` give the same contents and order.
    #[test]
    fn behaves_as_a_btree_map() {
        let keys = ["b", "a", "é", "B", "", "aa", "b", "z", "a", "ab", "Z", "é"];
        let (mut ours, mut btree) = (AnswerMap::new(), BTreeMap::new());
        for (i, key) in keys.iter().enumerate() {
            let i = i as i64;
            assert_eq!(ours.insert(key.to_string(), n(i)), btree.insert(key.to_string(), n(i)));
            assert_eq!(ours.len(), btree.len());
            let listed: Vec<_> = ours.iter().collect();
            assert_eq!(listed, btree.iter().collect::<Vec<_>>());
        }
        for key in ["a", "x", "é", ""] {
            assert_eq!(ours.get(key), btree.get(key));
            assert_eq!(ours.contains_key(key), btree.contains_key(key));
            assert_eq!(ours.remove(key), btree.remove(key));
        }
        assert_eq!(ours.keys().collect::<Vec<_>>(), btree.keys().collect::<Vec<_>>());
        assert_eq!(ours.values().collect::<Vec<_>>(), btree.values().collect::<Vec<_>>());
        assert_eq!(ours.clone().into_iter().collect::<Vec<_>>(), btree.clone().into_iter().collect::<Vec<_>>());
        let collected: AnswerMap = keys.iter().map(|k| (k.to_string(), n(k.len() as i64))).collect();
        let expected: BTreeMap<_, _> = keys.iter().map(|k| (k.to_string(), n(k.len() as i64))).collect();
        assert_eq!(collected.into_iter().collect::<Vec<_>>(), expected.into_iter().collect::<Vec<_>>());
    }
}
