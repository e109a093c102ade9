//! The AWS CLI's `table` output, laid out as `awscli.table` lays it out:
//! a section per object or list of objects, scalar keys as sorted column
//! headers, nested values as indented sections, columns scaled to the
//! widest section, and single-row sections turned vertical when the table
//! would be wider than 80 columns. Colours are never used.

use crate::output::Value;

/// The width the AWS CLI assumes when stdout is not a terminal.
const TERMINAL_WIDTH: usize = 80;

#[derive(Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent_level: usize,
    max_widths: Vec<usize>,
}

impl Section {
    fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.update_max_widths(&row);
        self.rows.push(row);
    }

    fn update_max_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|cell| width(cell)).collect();
            return;
        }
        for (max, cell) in self.max_widths.iter_mut().zip(row) {
            *max = (*max).max(width(cell));
        }
    }

    fn column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        if unscaled.is_empty() {
            return unscaled;
        }
        let total: usize = unscaled.iter().sum();
        let factor = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| (factor * *w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width as i64;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for index in order {
                if off_by > 0 {
                    scaled[index] -= 1;
                    off_by -= 1;
                } else {
                    scaled[index] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
            .into_iter()
            .map(|w| usize::try_from(w).unwrap_or(0))
            .collect()
    }

    fn total_width(&self, padding: usize, outer_padding: usize) -> usize {
        let columns: usize = self
            .column_widths(0, None)
            .iter()
            .map(|w| w + padding)
            .sum();
        let total = columns + 2 + 2 * outer_padding;
        total.max(width(&self.title) + 2 + 2 * outer_padding)
    }
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::List(_) | Value::Object(_))
}

fn cell(value: &Value) -> String {
    match value {
        Value::Str(text) => text.clone(),
        Value::Int(number) => number.to_string(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::List(_) | Value::Object(_) => String::new(),
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Str(text) => text.is_empty(),
        Value::Int(number) => *number == 0,
        Value::Bool(flag) => !flag,
        Value::List(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
    }
}

struct Table {
    sections: Vec<Section>,
}

impl Table {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        self.sections.last_mut().expect("a section was just added")
    }

    fn new_section(&mut self, title: &str, indent_level: usize) {
        self.sections.push(Section {
            title: title.to_owned(),
            indent_level,
            ..Section::default()
        });
    }

    fn build(&mut self, title: Option<&str>, current: &Value, indent_level: usize) {
        if is_empty(current) {
            return;
        }
        if let Some(title) = title {
            self.new_section(title, indent_level);
        }
        match current {
            Value::List(items) => {
                if matches!(items.first(), Some(Value::Object(_))) {
                    self.add_list(items, indent_level, title.unwrap_or_default());
                } else {
                    for item in items {
                        match item {
                            Value::List(row) if row.iter().all(is_scalar) => {
                                self.current().add_row(row.iter().map(cell).collect());
                            }
                            Value::List(_) | Value::Object(_) => self.build(None, item, 0),
                            scalar => self.current().add_row(vec![cell(scalar)]),
                        }
                    }
                }
            }
            Value::Object(fields) => self.add_object(fields, indent_level),
            _ => {}
        }
    }

    fn add_object(&mut self, fields: &[(String, Value)], indent_level: usize) {
        let (headers, more) = group_keys(fields);
        let value_of = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        if headers.len() == 1 {
            let value = value_of(&headers[0]).map(cell).unwrap_or_default();
            self.current().add_row(vec![headers[0].clone(), value]);
        } else if !headers.is_empty() {
            let row = headers
                .iter()
                .map(|h| value_of(h).map(cell).unwrap_or_default());
            let row = row.collect();
            self.current().add_header(headers);
            self.current().add_row(row);
        }
        for key in more {
            if let Some(value) = value_of(&key) {
                self.build(Some(&key), value, indent_level + 1);
            }
        }
    }

    fn add_list(&mut self, items: &[Value], indent_level: usize, title: &str) {
        let mut headers = Vec::new();
        let mut more = Vec::new();
        for item in items {
            if let Value::Object(fields) = item {
                let (h, m) = group_keys(fields);
                headers.extend(h);
                more.extend(m);
            }
        }
        headers.sort();
        headers.dedup();
        more.sort();
        more.dedup();

        self.current().add_header(headers.clone());
        for (index, item) in items.iter().enumerate() {
            if index > 0 && !more.is_empty() {
                self.new_section(title, indent_level);
                self.current().add_header(headers.clone());
            }
            let Value::Object(fields) = item else {
                continue;
            };
            let value_of = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v);
            let row = headers
                .iter()
                .map(|h| value_of(h).map(cell).unwrap_or_default());
            self.current().add_row(row.collect());
            for key in &more {
                if let Some(value) = value_of(key) {
                    self.build(Some(key), value, indent_level + 1);
                }
            }
        }
    }

    fn max_width(&self) -> usize {
        let widths = self
            .sections
            .iter()
            .map(|s| s.total_width(4, s.indent_level));
        widths.max().unwrap_or(0)
    }

    fn render(mut self, out: &mut String) {
        let mut max_width = self.max_width();
        if max_width > TERMINAL_WIDTH {
            for section in &mut self.sections {
                if section.rows.len() == 1 && !section.headers.is_empty() {
                    let mut vertical = Section {
                        title: section.title.clone(),
                        indent_level: section.indent_level,
                        ..Section::default()
                    };
                    let pairs = section.headers.iter().zip(&section.rows[0]);
                    for (header, element) in pairs {
                        vertical.add_row(vec![header.clone(), element.clone()]);
                    }
                    *section = vertical;
                }
            }
            max_width = self.max_width();
        }
        out.push_str(&"-".repeat(max_width));
        out.push('\n');
        for section in &self.sections {
            render_section(out, section, max_width);
        }
    }
}

fn group_keys(fields: &[(String, Value)]) -> (Vec<String>, Vec<String>) {
    let mut headers = Vec::new();
    let mut more = Vec::new();
    for (key, value) in fields {
        if is_scalar(value) {
            headers.push(key.clone());
        } else {
            more.push(key.clone());
        }
    }
    headers.sort();
    more.sort();
    (headers, more)
}

fn center(text: &str, length: usize, left: &str, right: &str) -> String {
    let start = (length / 2).saturating_sub(width(text) / 2 + 1);
    let so_far = width(left) + start + width(text);
    let right_spaces = length.saturating_sub(width(right) + so_far);
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(start),
        " ".repeat(right_spaces)
    )
}

fn align_left(text: &str, length: usize, left: &str, right: &str) -> String {
    let computed = width(text) + 2 + width(left) + width(right);
    let padding = if length >= computed { 2 } else { 0 };
    let so_far = width(left) + padding + width(text);
    let fill = length.saturating_sub(so_far + width(right));
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(padding),
        " ".repeat(fill)
    )
}

fn line_break(widths: &[usize]) -> String {
    let mut line = String::new();
    for (index, w) in widths.iter().enumerate() {
        if index == 0 {
            line.push_str(&format!("+{}+", "-".repeat(w.saturating_sub(2))));
        } else {
            line.push_str(&format!("{}+", "-".repeat(w.saturating_sub(1))));
        }
    }
    line
}

fn render_section(out: &mut String, section: &Section, max_width: usize) {
    let edge = "|".repeat(section.indent_level);
    let mut write_line = |line: &str| {
        out.push_str(&edge);
        out.push_str(line);
        out.push_str(&edge);
        out.push('\n');
    };
    let max_width = max_width.saturating_sub(section.indent_level * 2);

    if !section.title.is_empty() {
        write_line(&center(&section.title, max_width, "|", "|"));
        if section.headers.is_empty() && section.rows.is_empty() {
            write_line(&format!("+{}+", "-".repeat(max_width.saturating_sub(2))));
        }
    }

    if !section.headers.is_empty() {
        let widths = section.column_widths(4, Some(max_width));
        let mut line = String::new();
        for (index, (w, header)) in widths.iter().zip(&section.headers).enumerate() {
            let left = if index == 0 { "|" } else { "" };
            line.push_str(&center(header, *w, left, "|"));
        }
        write_line(&line_break(&widths));
        write_line(&line);
    }

    if section.rows.is_empty() {
        return;
    }
    let widths = section.column_widths(4, Some(max_width));
    if widths.is_empty() {
        return;
    }
    write_line(&line_break(&widths));
    for row in &section.rows {
        let mut line = String::new();
        for (index, (w, element)) in widths.iter().zip(row).enumerate() {
            let left = if index == 0 { "|" } else { "" };
            line.push_str(&align_left(element, *w, left, "|"));
        }
        write_line(&line);
    }
    write_line(&line_break(&widths));
}

/// Appends the table of `value`, titled with the operation's name.
pub fn render(out: &mut String, title: &str, value: &Value) {
    let mut table = Table {
        sections: Vec::new(),
    };
    table.build(Some(title), value, 0);
    if table.sections.is_empty() {
        return;
    }
    table.render(out);
}
