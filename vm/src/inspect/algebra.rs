//! A small document algebra mirroring Elixir 1.14's `Inspect.Algebra`: strings,
//! concatenation, nesting (by columns, to the cursor, or reset), strict and flex breaks,
//! groups, hard lines, `force_unfit`, `next_break_fits`, `collapse_lines` and
//! `container_doc`, laid out by the same `fits?`/`format` algorithm. `inspect` uses the
//! part up to `container_doc`; `Macro.to_string` (the code formatter) the rest.
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

use std::borrow::Cow;

/// The indentation a `nest/3` applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indent {
    /// So many columns more than the enclosing indentation.
    By(usize),
    /// The current column (`:cursor`).
    Cursor,
    /// Column 0 (`:reset`).
    Reset,
}

/// When a `nest/3` applies (its third argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NestMode {
    /// Always (`:always`).
    Always,
    /// Only when the enclosing group breaks (`:break`).
    Break,
}

/// The mode of `group/2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupMode {
    /// Decides for itself whether it fits (`:self`).
    SelfFit,
    /// Breaks when its parent breaks (`:inherit`).
    Inherit,
}

#[derive(Clone, Debug)]
enum Node {
    Nil,
    /// A string whose width is its byte size (a binary in `Inspect.Algebra`).
    Text(String),
    /// `string/1`: a string with its width in characters.
    Str(Cow<'static, str>, usize),
    Cons(DocId, DocId),
    Nest(DocId, Indent, NestMode),
    Break(&'static str, BreakKind),
    Group(DocId, GroupMode),
    /// `next_break_fits/2`: `true` is `:enabled`.
    Fits(DocId, bool),
    /// `force_unfit/1`.
    Force(DocId),
    /// `line/0`.
    Line,
    /// `collapse_lines/1`.
    Collapse(usize),
    /// `no_limit/1` (`doc_limit(doc, :infinity)`): laid out as with an infinite width.
    NoLimit(DocId),
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
    /// Only while fitting: breaks are laid flat and cannot break (`:flat_no_break`).
    FlatNoBreak,
    /// Only while fitting: the first break fits (`:break_no_flat`).
    BreakNoFlat,
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    indent: usize,
    mode: Mode,
    doc: DocId,
    /// Inside a group that was measured and fits: nested groups fit too (they measure a
    /// part of what fitted), so `format` lays them flat without measuring again.
    fitted: bool,
}

/// What `measure` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fit {
    No,
    /// Everything measured fits.
    Whole,
    /// What comes up to a break taken as fitting (`next_break_fits`) fits.
    UpToBreak,
}

#[derive(Clone, Copy, Debug)]
enum FitsItem {
    Entry(Entry),
    /// `{:tail, b?, rest}`: leaving a group restores the "seen a break" flag.
    Tail(bool),
    /// `doc_limit(empty(), w)`: leaving a `no_limit` restores the width.
    Width(Option<usize>),
}

impl Default for Docs {
    fn default() -> Self {
        Self::new()
    }
}

impl Docs {
    pub fn new() -> Self {
        Self::with_capacity(1)
    }

    /// An arena with room for `n` documents.
    pub fn with_capacity(n: usize) -> Self {
        let mut nodes = Vec::with_capacity(n.max(1));
        nodes.push(Node::Nil);
        Docs { nodes }
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

    /// `string/1`: a string document whose width is its length in characters.
    pub fn string(&mut self, s: impl Into<Cow<'static, str>>) -> DocId {
        let s = s.into();
        let width = s.chars().count();
        self.push(Node::Str(s, width))
    }

    /// A string document of the given width (`string/1` measures in graphemes).
    pub fn string_with_width(&mut self, s: impl Into<Cow<'static, str>>, width: usize) -> DocId {
        self.push(Node::Str(s.into(), width))
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
        self.nest_with(d, Indent::By(level), NestMode::Always)
    }

    /// `nest/3`.
    pub fn nest_with(&mut self, d: DocId, indent: Indent, mode: NestMode) -> DocId {
        if indent == Indent::By(0) {
            d
        } else {
            self.push(Node::Nest(d, indent, mode))
        }
    }

    /// `line/0`: a newline that always breaks.
    pub fn line(&mut self) -> DocId {
        self.push(Node::Line)
    }

    /// `line/2`.
    pub fn line_join(&mut self, a: DocId, b: DocId) -> DocId {
        let l = self.line();
        let tail = self.concat(l, b);
        self.concat(a, tail)
    }

    /// `force_unfit/1`: the enclosing groups never fit.
    pub fn force_unfit(&mut self, d: DocId) -> DocId {
        self.push(Node::Force(d))
    }

    /// `next_break_fits/2` (`enabled`: `:enabled`, else `:disabled`).
    pub fn next_break_fits(&mut self, d: DocId, enabled: bool) -> DocId {
        self.push(Node::Fits(d, enabled))
    }

    /// `collapse_lines/1`: the newlines that follow collapse into at most `max`.
    pub fn collapse_lines(&mut self, max: usize) -> DocId {
        self.push(Node::Collapse(max))
    }

    /// `no_limit/1`: when its enclosing group breaks, `doc` is laid out as with an
    /// infinite width (its groups flat; only hard lines break).
    pub fn no_limit(&mut self, d: DocId) -> DocId {
        self.push(Node::NoLimit(d))
    }

    /// `group/2`.
    pub fn group_with(&mut self, d: DocId, mode: GroupMode) -> DocId {
        self.push(Node::Group(d, mode))
    }

    /// `space/2`.
    pub fn space(&mut self, a: DocId, b: DocId) -> DocId {
        let sp = self.text(" ");
        let tail = self.concat(sp, b);
        self.concat(a, tail)
    }

    /// The code formatter's `concat_to_last_group/2`: appends `suffix` inside the last
    /// group of the right spine of `doc` (or at its end if there is none).
    pub fn concat_to_last_group(&mut self, doc: DocId, suffix: DocId) -> DocId {
        // Walk down the right spine of concatenations, then rebuild it.
        let mut lefts = Vec::new();
        let mut cur = doc;
        while let Node::Cons(l, r) = self.nodes[cur.0] {
            lefts.push(l);
            cur = r;
        }
        let mut rebuilt = match self.nodes[cur.0] {
            Node::Group(g, mode) => {
                let inner = self.concat(g, suffix);
                self.group_with(inner, mode)
            }
            _ => self.concat(cur, suffix),
        };
        for l in lefts.into_iter().rev() {
            rebuilt = self.concat(l, rebuilt);
        }
        rebuilt
    }

    /// The code formatter's `ungroup_if_group/1`.
    pub fn ungroup_if_group(&self, doc: DocId) -> DocId {
        match self.nodes[doc.0] {
            Node::Group(g, _) => g,
            _ => doc,
        }
    }

    /// Whether `doc` is a group (of any mode).
    pub fn is_group(&self, doc: DocId) -> bool {
        matches!(self.nodes[doc.0], Node::Group(..))
    }

    /// The first character `doc` prints when laid out flat, if any.
    pub fn first_char(&self, doc: DocId) -> Option<char> {
        let mut stack = vec![doc];
        while let Some(d) = stack.pop() {
            match &self.nodes[d.0] {
                Node::Text(s) => {
                    if let Some(c) = s.chars().next() {
                        return Some(c);
                    }
                }
                Node::Str(s, _) => {
                    if let Some(c) = s.chars().next() {
                        return Some(c);
                    }
                }
                Node::Break(s, _) => {
                    if let Some(c) = s.chars().next() {
                        return Some(c);
                    }
                }
                Node::Line | Node::Collapse(_) => return Some('\n'),
                Node::Cons(a, b) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Node::Nest(x, ..)
                | Node::Group(x, _)
                | Node::Fits(x, _)
                | Node::Force(x)
                | Node::NoLimit(x) => stack.push(*x),
                Node::Nil => {}
            }
        }
        None
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
        self.push(Node::Group(d, GroupMode::SelfFit))
    }

    /// `simple?/1` of `Inspect.Algebra`: a string, nil, or concatenations of those.
    pub fn is_simple(&self, d: DocId) -> bool {
        let mut stack = vec![d];
        while let Some(d) = stack.pop() {
            match &self.nodes[d.0] {
                Node::Nil | Node::Text(_) | Node::Str(..) => {}
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

    /// `fits?/4`: `local` is examined first, then `rest` from its end (the top of the
    /// formatter's stack) downwards.
    fn fits(&self, w: usize, k: usize, b: bool, local: &mut Vec<FitsItem>, rest: &[Entry]) -> bool {
        self.measure(Some(w), k, b, local, rest) != Fit::No
    }

    /// `fits?/4`, telling whether the documents fit all the way to their end
    /// ([`Fit::Whole`]) or up to a break taken as fitting ([`Fit::UpToBreak`]).
    fn measure(
        &self,
        mut w: Option<usize>,
        mut k: usize,
        mut b: bool,
        local: &mut Vec<FitsItem>,
        rest: &[Entry],
    ) -> Fit {
        local.clear();
        let mut rest_idx = rest.len();
        loop {
            if b && w.is_some_and(|w| k > w) {
                return Fit::No;
            }
            let item = match local.pop() {
                Some(it) => it,
                None if rest_idx > 0 => {
                    rest_idx -= 1;
                    FitsItem::Entry(rest[rest_idx])
                }
                None => return Fit::Whole,
            };
            let e = match item {
                FitsItem::Tail(b2) => {
                    b = b2;
                    continue;
                }
                FitsItem::Width(w2) => {
                    w = w2;
                    continue;
                }
                FitsItem::Entry(e) => e,
            };
            let push = |local: &mut Vec<FitsItem>, indent, mode, doc| {
                local.push(FitsItem::Entry(Entry {
                    indent,
                    mode,
                    doc,
                    fitted: false,
                }))
            };
            match (&self.nodes[e.doc.0], e.mode) {
                (Node::Fits(x, false), _) | (Node::Fits(x, true), Mode::FlatNoBreak) => {
                    push(local, e.indent, Mode::FlatNoBreak, *x)
                }
                (Node::Fits(x, true), _) => push(local, e.indent, Mode::BreakNoFlat, *x),
                (Node::Force(x), Mode::BreakNoFlat) => push(local, e.indent, Mode::BreakNoFlat, *x),
                (Node::Break(..) | Node::Line, Mode::BreakNoFlat | Mode::Break) => {
                    return Fit::UpToBreak
                }
                (Node::Line, _) => {
                    k = e.indent;
                    b = false;
                }
                (Node::Nil, _) => {}
                (Node::Collapse(_), _) => k = e.indent,
                (Node::NoLimit(x), _) => {
                    local.push(FitsItem::Width(w));
                    w = None;
                    push(local, e.indent, Mode::Flat, *x);
                }
                (Node::Nest(x, _, NestMode::Break), _) => push(local, e.indent, e.mode, *x),
                (Node::Nest(x, j, NestMode::Always), _) => {
                    push(local, apply_nesting(e.indent, k, *j), e.mode, *x)
                }
                (Node::Cons(x, y), _) => {
                    push(local, e.indent, e.mode, *y);
                    push(local, e.indent, e.mode, *x);
                }
                (Node::Str(_, l), _) => k += l,
                (Node::Text(s), _) => k += s.len(),
                (Node::Force(_), _) => return Fit::No,
                (Node::Break(s, _), _) => {
                    k += s.len();
                    b = true;
                }
                (Node::Group(x, _), _) => {
                    // A group inside `next_break_fits` keeps its mode: `:enabled` fits at
                    // the next break even inside the group; `:disabled` ignores the
                    // `next_break_fits` the group holds.
                    let mode = match e.mode {
                        Mode::FlatNoBreak | Mode::BreakNoFlat => e.mode,
                        Mode::Flat | Mode::Break => Mode::Flat,
                    };
                    local.push(FitsItem::Tail(b));
                    push(local, e.indent, mode, *x);
                }
            }
        }
    }

    /// `format/2`: lays `doc` out in `width` columns (`None`: `:infinity`, all flat).
    pub fn format(&self, doc: DocId, width: Option<usize>) -> String {
        let mut width = width;
        // Widths to restore once the stack is back to a length (leaving a `no_limit`).
        let mut restores: Vec<(usize, Option<usize>)> = Vec::new();
        let mut out = Output::default();
        let mut scratch = Vec::new();
        let mut k = 0usize;
        let mut stack = vec![Entry {
            indent: 0,
            mode: Mode::Flat,
            doc,
            fitted: false,
        }];
        loop {
            while let Some(&(len, w)) = restores.last() {
                if stack.len() > len {
                    break;
                }
                width = w;
                restores.pop();
            }
            let Some(e) = stack.pop() else { break };
            match &self.nodes[e.doc.0] {
                Node::Nil => {}
                Node::NoLimit(x) => {
                    if e.mode == Mode::Break && width.is_some() {
                        restores.push((stack.len(), width));
                        width = None;
                    }
                    stack.push(Entry { doc: *x, ..e });
                }
                Node::Line => {
                    out.newline(e.indent);
                    k = e.indent;
                }
                Node::Text(s) => {
                    out.text(s);
                    k += s.len();
                }
                Node::Str(s, l) => {
                    out.text(s);
                    k += l;
                }
                Node::Cons(x, y) => {
                    stack.push(Entry { doc: *y, ..e });
                    stack.push(Entry { doc: *x, ..e });
                }
                Node::Force(x) => stack.push(Entry {
                    indent: e.indent,
                    mode: Mode::Break,
                    doc: *x,
                    fitted: false,
                }),
                // The enclosing group may have fitted only because this part's next
                // break did: its groups measure themselves.
                Node::Fits(x, enabled) => stack.push(Entry {
                    doc: *x,
                    fitted: e.fitted && !enabled,
                    ..e
                }),
                Node::Collapse(max) => out.collapse(*max, e.indent),
                Node::Nest(x, j, nest) => {
                    let indent = if *nest == NestMode::Always || e.mode == Mode::Break {
                        apply_nesting(e.indent, k, *j)
                    } else {
                        e.indent
                    };
                    stack.push(Entry {
                        indent,
                        doc: *x,
                        ..e
                    })
                }
                Node::Break(s, BreakKind::Flex) => {
                    let k2 = k + s.len();
                    let fits = match width {
                        None => true,
                        Some(w) => {
                            e.mode == Mode::Flat || self.fits(w, k2, true, &mut scratch, &stack)
                        }
                    };
                    if fits {
                        out.text(s);
                        k = k2;
                    } else {
                        out.newline(e.indent);
                        k = e.indent;
                    }
                }
                Node::Break(s, BreakKind::Strict) => {
                    if e.mode == Mode::Break {
                        out.newline(e.indent);
                        k = e.indent;
                    } else {
                        out.text(s);
                        k += s.len();
                    }
                }
                Node::Group(x, mode) => {
                    let fit = if *mode == GroupMode::Inherit && e.mode == Mode::Break {
                        Fit::No
                    } else if e.fitted {
                        Fit::Whole
                    } else {
                        match width {
                            None => Fit::UpToBreak,
                            Some(w) => {
                                let start = Entry {
                                    indent: e.indent,
                                    mode: Mode::Flat,
                                    doc: *x,
                                    fitted: false,
                                };
                                self.measure(Some(w), k, false, &mut scratch, &[start])
                            }
                        }
                    };
                    stack.push(Entry {
                        indent: e.indent,
                        mode: if fit == Fit::No {
                            Mode::Break
                        } else {
                            Mode::Flat
                        },
                        doc: *x,
                        fitted: fit == Fit::Whole,
                    });
                }
            }
        }
        out.finish()
    }
}

/// `apply_nesting/3`.
fn apply_nesting(i: usize, k: usize, j: Indent) -> usize {
    match j {
        Indent::By(n) => i + n,
        Indent::Cursor => k,
        Indent::Reset => 0,
    }
}

/// The text `format` produces. A `collapse_lines` holds back the newlines that follow it
/// until the next text, then writes at most its maximum of them.
#[derive(Default)]
struct Output {
    out: String,
    /// A pending collapse: its maximum, its indentation and the newlines seen since.
    pending: Option<(usize, usize, usize)>,
}

impl Output {
    fn flush(&mut self) {
        if let Some((max, indent, count)) = self.pending.take() {
            for _ in 0..count.min(max) {
                self.out.push('\n');
            }
            spaces(&mut self.out, indent);
        }
    }

    fn text(&mut self, s: &str) {
        if !s.is_empty() {
            self.flush();
            self.out.push_str(s);
        }
    }

    fn newline(&mut self, indent: usize) {
        match &mut self.pending {
            Some((_, _, count)) => *count += 1,
            None => newline(&mut self.out, indent),
        }
    }

    fn collapse(&mut self, max: usize, indent: usize) {
        if self.pending.is_none() {
            self.pending = Some((max, indent, 0));
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        self.out
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    spaces(out, indent);
}

fn spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = n;
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
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
