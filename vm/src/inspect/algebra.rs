//! A small document algebra mirroring the part of Elixir 1.14's `Inspect.Algebra` that
//! `inspect` uses: strings, concatenation, nesting, strict and flex breaks, groups, and
//! `container_doc`, laid out by the same `fits?`/`format` algorithm.
//!
//! Documents live in an arena ([`Docs`]) and are referred to by [`DocId`], so deeply nested
//! documents (long lists fold into right-nested chains) never recurse when built, laid out
//! or dropped.

/// A document in a [`Docs`] arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocId(usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    /// Breaks when its enclosing group breaks (`break/1`).
    Strict,
    /// Breaks only when the text up to the next break does not fit (`flex_break/1`).
    Flex,
}

#[derive(Clone, Debug)]
enum Node {
    Nil,
    Text(String),
    Cons(DocId, DocId),
    Nest(DocId, usize),
    Break(&'static str, BreakKind),
    Group(DocId),
}

/// How `container_doc` separates elements (`:break` option of `container_doc/6`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerBreak {
    /// Flex breaks when every element is a plain string, otherwise strict (lists).
    Maybe,
    /// Always flex breaks (tuples).
    Flex,
    /// Always strict breaks (maps, keyword lists, structs).
    Strict,
}

/// An element limit: `None` is `:infinity`.
pub type Limit = Option<usize>;

/// `decrement/1` of `Inspect.Algebra`.
pub fn decrement(limit: Limit) -> Limit {
    limit.map(|n| n.saturating_sub(1))
}

/// The arena holding documents.
#[derive(Debug)]
pub struct Docs {
    nodes: Vec<Node>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    indent: usize,
    mode: Mode,
    doc: DocId,
}

#[derive(Clone, Copy, Debug)]
enum FitsItem {
    Entry(Entry),
    /// `{:tail, b?, rest}`: leaving a group restores the "seen a break" flag.
    Tail(bool),
}

impl Default for Docs {
    fn default() -> Self {
        Self::new()
    }
}

impl Docs {
    pub fn new() -> Self {
        Docs {
            nodes: vec![Node::Nil],
        }
    }

    fn push(&mut self, node: Node) -> DocId {
        self.nodes.push(node);
        DocId(self.nodes.len() - 1)
    }

    /// `empty/0`.
    pub fn nil(&self) -> DocId {
        DocId(0)
    }

    pub fn is_nil(&self, d: DocId) -> bool {
        matches!(self.nodes[d.0], Node::Nil)
    }

    /// A string document (its width is its byte size, as for Elixir binaries).
    pub fn text(&mut self, s: impl Into<String>) -> DocId {
        self.push(Node::Text(s.into()))
    }

    /// `concat/2`.
    pub fn concat(&mut self, a: DocId, b: DocId) -> DocId {
        self.push(Node::Cons(a, b))
    }

    /// `concat/1`.
    pub fn concat_all(&mut self, docs: &[DocId]) -> DocId {
        match docs.split_last() {
            None => self.nil(),
            Some((&last, init)) => init.iter().rev().fold(last, |acc, &d| self.concat(d, acc)),
        }
    }

    /// `nest/2` with an integer level (mode `:always`).
    pub fn nest(&mut self, d: DocId, level: usize) -> DocId {
        if level == 0 {
            d
        } else {
            self.push(Node::Nest(d, level))
        }
    }

    /// `break/1`.
    pub fn break_(&mut self, s: &'static str) -> DocId {
        self.push(Node::Break(s, BreakKind::Strict))
    }

    /// `flex_break/1`.
    pub fn flex_break(&mut self, s: &'static str) -> DocId {
        self.push(Node::Break(s, BreakKind::Flex))
    }

    /// `glue/3`.
    pub fn glue(&mut self, a: DocId, s: &'static str, b: DocId) -> DocId {
        let br = self.break_(s);
        let tail = self.concat(br, b);
        self.concat(a, tail)
    }

    /// `flex_glue/3`.
    pub fn flex_glue(&mut self, a: DocId, s: &'static str, b: DocId) -> DocId {
        let br = self.flex_break(s);
        let tail = self.concat(br, b);
        self.concat(a, tail)
    }

    /// `group/1`.
    pub fn group(&mut self, d: DocId) -> DocId {
        self.push(Node::Group(d))
    }

    /// `simple?/1` of `Inspect.Algebra`: a string, nil, or concatenations of those.
    pub fn is_simple(&self, d: DocId) -> bool {
        let mut stack = vec![d];
        while let Some(d) = stack.pop() {
            match &self.nodes[d.0] {
                Node::Nil | Node::Text(_) => {}
                Node::Cons(a, b) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                _ => return false,
            }
        }
        true
    }

    /// `join/4` of `Inspect.Algebra`.
    fn join(&mut self, left: DocId, right: DocId, flex: bool, sep: &str) -> DocId {
        match (self.is_nil(left), self.is_nil(right)) {
            (true, true) => self.nil(),
            (false, true) => left,
            (true, false) => right,
            (false, false) => {
                let sep = self.text(sep);
                let l = self.concat(left, sep);
                if flex {
                    self.flex_glue(l, " ", right)
                } else {
                    self.glue(l, " ", right)
                }
            }
        }
    }

    /// `container_doc/6`: `items` are laid out with `fun(docs, item, limit)`; `tail` is the
    /// tail of an improper list, printed after ` |`.
    #[allow(clippy::too_many_arguments)]
    pub fn container<T>(
        &mut self,
        left: &str,
        items: &[T],
        tail: Option<&T>,
        right: &str,
        limit: Limit,
        brk: ContainerBreak,
        sep: &str,
        fun: &mut dyn FnMut(&mut Docs, &T, Limit) -> DocId,
    ) -> DocId {
        if items.is_empty() && tail.is_none() {
            let s = format!("{left}{right}");
            return self.text(s);
        }
        // container_each/6
        let mut docs = Vec::with_capacity(items.len().min(64) + 1);
        let mut simple = brk == ContainerBreak::Maybe;
        let mut limit = limit;
        let n = items.len();
        for (idx, item) in items.iter().enumerate() {
            if limit == Some(0) {
                let d = self.text("...");
                docs.push(d);
                break;
            }
            if idx + 1 == n {
                if let Some(tail) = tail {
                    // The improper clause: `[left | right]` with a non-list `right`.
                    let l = decrement(limit);
                    let left_doc = fun(self, item, l);
                    let right_doc = fun(self, tail, l);
                    simple = simple && self.is_simple(left_doc) && self.is_simple(right_doc);
                    let d = self.join(left_doc, right_doc, simple, " |");
                    docs.push(d);
                    break;
                }
            }
            let new_limit = decrement(limit);
            let d = fun(self, item, new_limit);
            if !self.is_nil(d) {
                limit = new_limit;
            }
            simple = simple && self.is_simple(d);
            docs.push(d);
        }
        if n == 0 {
            if let Some(tail) = tail {
                let d = fun(self, tail, limit);
                docs.push(d);
            }
        }
        let flex = simple || brk == ContainerBreak::Flex;
        let folded = match docs.split_last() {
            None => self.nil(),
            Some((&last, init)) => init
                .iter()
                .rev()
                .fold(last, |acc, &d| self.join(d, acc, flex, sep)),
        };
        let left = self.text(left);
        let right = self.text(right);
        if flex {
            let nested = self.nest(folded, 1);
            let inner = self.concat(left, nested);
            let all = self.concat(inner, right);
            self.group(all)
        } else {
            let g = self.glue(left, "", folded);
            let nested = self.nest(g, 2);
            let all = self.glue(nested, "", right);
            self.group(all)
        }
    }

    fn text_len(&self, d: DocId) -> usize {
        match &self.nodes[d.0] {
            Node::Text(s) => s.len(),
            Node::Break(s, _) => s.len(),
            _ => 0,
        }
    }

    /// `fits?/4`: `local` is examined first, then `rest` from its end (the top of the
    /// formatter's stack) downwards.
    fn fits(
        &self,
        w: usize,
        mut k: usize,
        mut b: bool,
        local: Vec<FitsItem>,
        rest: &[Entry],
    ) -> bool {
        let mut local = local;
        let mut rest_idx = rest.len();
        loop {
            if k > w && b {
                return false;
            }
            let item = match local.pop() {
                Some(it) => it,
                None if rest_idx > 0 => {
                    rest_idx -= 1;
                    FitsItem::Entry(rest[rest_idx])
                }
                None => return true,
            };
            let e = match item {
                FitsItem::Tail(b2) => {
                    b = b2;
                    continue;
                }
                FitsItem::Entry(e) => e,
            };
            match &self.nodes[e.doc.0] {
                Node::Break(..) if e.mode == Mode::Break => return true,
                Node::Group(x) => {
                    local.push(FitsItem::Tail(b));
                    local.push(FitsItem::Entry(Entry {
                        indent: e.indent,
                        mode: Mode::Flat,
                        doc: *x,
                    }));
                }
                Node::Nil => {}
                Node::Text(s) => k += s.len(),
                Node::Break(s, _) => {
                    k += s.len();
                    b = true;
                }
                Node::Nest(x, j) => local.push(FitsItem::Entry(Entry {
                    indent: e.indent + j,
                    mode: e.mode,
                    doc: *x,
                })),
                Node::Cons(x, y) => {
                    local.push(FitsItem::Entry(Entry { doc: *y, ..e }));
                    local.push(FitsItem::Entry(Entry { doc: *x, ..e }));
                }
            }
        }
    }

    /// `format/2`: lays `doc` out in `width` columns (`None`: `:infinity`, all flat).
    pub fn format(&self, doc: DocId, width: Option<usize>) -> String {
        let mut out = String::new();
        let mut k = 0usize;
        let mut stack = vec![Entry {
            indent: 0,
            mode: Mode::Flat,
            doc,
        }];
        while let Some(e) = stack.pop() {
            match &self.nodes[e.doc.0] {
                Node::Nil => {}
                Node::Text(s) => {
                    out.push_str(s);
                    k += s.len();
                }
                Node::Cons(x, y) => {
                    stack.push(Entry { doc: *y, ..e });
                    stack.push(Entry { doc: *x, ..e });
                }
                Node::Nest(x, j) => stack.push(Entry {
                    indent: e.indent + j,
                    mode: e.mode,
                    doc: *x,
                }),
                Node::Break(s, BreakKind::Flex) => {
                    let k2 = k + s.len();
                    let fits = match width {
                        None => true,
                        Some(w) => {
                            e.mode == Mode::Flat || self.fits(w, k2, true, Vec::new(), &stack)
                        }
                    };
                    if fits {
                        out.push_str(s);
                        k = k2;
                    } else {
                        newline(&mut out, e.indent);
                        k = e.indent;
                    }
                }
                Node::Break(s, BreakKind::Strict) => {
                    if e.mode == Mode::Break {
                        newline(&mut out, e.indent);
                        k = e.indent;
                    } else {
                        out.push_str(s);
                        k += self.text_len(e.doc);
                    }
                }
                Node::Group(x) => {
                    let flat = match width {
                        None => true,
                        Some(w) => {
                            let start = Entry {
                                indent: e.indent,
                                mode: Mode::Flat,
                                doc: *x,
                            };
                            self.fits(w, k, false, vec![FitsItem::Entry(start)], &[])
                        }
                    };
                    let mode = if flat { Mode::Flat } else { Mode::Break };
                    stack.push(Entry {
                        indent: e.indent,
                        mode,
                        doc: *x,
                    });
                }
            }
        }
        out
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    for _ in 0..indent {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_breaks_when_too_wide() {
        let mut d = Docs::new();
        let a = d.text("a".repeat(20));
        let b = d.text("b");
        let g = d.glue(a, " ", b);
        let g = d.group(g);
        assert_eq!(d.format(g, Some(10)), format!("{}\nb", "a".repeat(20)));
        assert_eq!(d.format(g, Some(80)), format!("{} b", "a".repeat(20)));
    }

    #[test]
    fn container_of_ints_fills_lines() {
        let mut d = Docs::new();
        let items: Vec<u32> = (1..=5).collect();
        let doc = d.container(
            "[",
            &items,
            None,
            "]",
            None,
            ContainerBreak::Maybe,
            ",",
            &mut |d, i, _| d.text(i.to_string()),
        );
        assert_eq!(d.format(doc, Some(5)), "[1,\n 2,\n 3,\n 4,\n 5]");
        let doc = d.container(
            "[",
            &items,
            None,
            "]",
            Some(3),
            ContainerBreak::Maybe,
            ",",
            &mut |d, i, _| d.text(i.to_string()),
        );
        assert_eq!(d.format(doc, Some(20)), "[1, 2, 3, ...]");
    }
}
