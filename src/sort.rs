//! One sort for every list the charts order (days, deposits, names, table rows).
//!
//! The standard library's sorts are fast, but each element type gets its own copy of a quicksort, a small-sort and
//! a heapsort fallback, a few kilobytes of WebAssembly each. Here the ordering work is one non-generic merge sort
//! over positions; the generic part only computes keys and moves elements. The lists are short (at most a few
//! hundred items), so the extra allocation costs microseconds. `clippy.toml` refuses the standard sorts in the
//! library.

/// Sorts `v` by `key`, ascending and stable (items with equal keys keep their order). Each item's key is computed
/// once, so a key may be costly (a folded name, [`crate::text::sort_key`]).
pub fn by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = merge_order(keys.len(), &|a, b| keys.get(a) < keys.get(b));
    let mut items: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    *v = order.into_iter().filter_map(|i| items.get_mut(i).and_then(Option::take)).collect();
}

/// Sorts `v` ascending (stable).
pub fn sort<T: Ord + Clone>(v: &mut Vec<T>) {
    by_key(v, T::clone);
}

/// The positions `0..n` in the order a stable sort puts them, given `less(a, b)`: item `a` sorts strictly before
/// item `b`. Bottom-up merge sort: O(n log n) comparisons.
fn merge_order(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Most lists arrive in order (deposits by day, from the model): one pass says so.
    if (1..n).all(|i| !less(i, i - 1)) {
        return order;
    }
    let mut run = 1;
    while run < n {
        let mut merged = Vec::with_capacity(n);
        for pair in order.chunks(2 * run) {
            let (left, right) = pair.split_at(run.min(pair.len()));
            let (mut l, mut r) = (left.iter().copied().peekable(), right.iter().copied().peekable());
            loop {
                // Take from the left run unless the right item is strictly less: equal items keep their order.
                let next = match (l.peek(), r.peek()) {
                    (Some(&a), Some(&b)) if less(b, a) => r.next(),
                    (Some(_), _) => l.next(),
                    (None, _) => r.next(),
                };
                match next {
                    Some(i) => merged.push(i),
                    None => break,
                }
            }
        }
        order = merged;
        run *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(clippy::disallowed_methods)] // compares with std's stable sort
    fn matches_std_stable_sort_on_every_length_up_to_70() {
        // Keys with many repeats, so that stability shows: items are (key, original position).
        for n in 0..70usize {
            let mut ours: Vec<(u32, usize)> = (0..n).map(|i| (((i * 7919) % 13) as u32, i)).collect();
            let mut std = ours.clone();
            super::by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn sorts_strings_and_keeps_every_item() {
        let mut v: Vec<String> = ["ICRMW", "Palermo", "EU", "Palermo", "Chad"].map(String::from).to_vec();
        super::sort(&mut v);
        assert_eq!(v, ["Chad", "EU", "ICRMW", "Palermo", "Palermo"]);
    }
}
