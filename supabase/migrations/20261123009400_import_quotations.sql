-- Import of quotations with their lines (the list's import wizard, one file row per line): one
-- call inserts every quotation and its lines in one transaction. Invoker, so the caller's RLS
-- (sellers quote for customers in their scope, as themselves) and every trigger and check apply;
-- the client never picks the owner or the status: imported quotations are the importer's drafts.
-- p_quotations: [{ "line": <file row of the first line>, "header": { customer_id, title,
--   valid_until, delivery_on, currency, payment_terms, notes },
--   "lines": [{ "line": <file row>, product_id, product_name, spec, unit, quantity, unit_price,
--   discount }] }]
-- Returns [{ line, id, quote_no }]. Any refusal rolls everything back; its details name the file
-- row as JSON { "line": n, "detail": <Postgres's detail> } and its hint is kept.
-- Lines of one imported quotation, numbered from first_no on, in one statement (invoker: the
-- lines' RLS and checks apply).
create function private.insert_import_lines(qid uuid, lines jsonb, first_no integer) returns void
language sql
security invoker
set search_path = ''
as $$
  insert into public.quotation_lines (quotation_id, line_no, product_id, product_name, spec, unit, quantity, unit_price, discount)
  select qid, first_no - 1 + e.n, r.product_id, r.product_name, r.spec, r.unit, r.quantity, r.unit_price, coalesce(r.discount, 0)
    from jsonb_array_elements(lines) with ordinality e(x, n), jsonb_populate_record(null::public.quotation_lines, e.x) r
$$;

create function public.import_quotations(p_quotations jsonb) returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  q jsonb;
  l jsonb;
  current_line integer;
  qid uuid;
  qno text;
  position integer;
  details text;
  result jsonb := '[]';
  e_state text; e_message text; e_detail text; e_hint text; e_constraint text;
begin
  begin
    if jsonb_typeof(p_quotations) is distinct from 'array' then
      raise exception 'p_quotations must be an array of {line, header, lines}'
        using errcode = '22023', hint = 'quotationImport.errors.badInput';
    end if;
    for q in select x from jsonb_array_elements(p_quotations) x loop
      current_line := (q ->> 'line')::integer;
      if jsonb_typeof(q -> 'header') is distinct from 'object' or jsonb_typeof(q -> 'lines') is distinct from 'array'
         or jsonb_array_length(q -> 'lines') = 0 then
        raise exception 'each quotation needs a header and at least one line'
          using errcode = '22023', hint = 'quotationImport.errors.badInput';
      end if;
      -- Only the columns a file may fill: owner, status and totals stay the database's.
      insert into public.quotations (customer_id, title, valid_until, delivery_on, currency, payment_terms, notes)
      select h.customer_id, h.title, h.valid_until, h.delivery_on, coalesce(h.currency, 'CNY'), h.payment_terms, h.notes
        from jsonb_populate_record(null::public.quotations, q -> 'header') h
      returning id, quote_no into qid, qno;
      -- All lines in one statement: the totals trigger (and the header's audit entry) runs once.
      -- Should it fail, the lines go in one by one to find the file row that is refused.
      begin
        perform private.insert_import_lines(qid, q -> 'lines', 1);
      exception when others then
        position := 0;
        for l in select x from jsonb_array_elements(q -> 'lines') x loop
          current_line := coalesce((l ->> 'line')::integer, current_line);
          position := position + 1;
          perform private.insert_import_lines(qid, jsonb_build_array(l), position);
        end loop;
        -- Each line alone went in (the statement as a whole was refused): report the statement's error.
        raise;
      end;
      result := result || jsonb_build_array(jsonb_build_object('line', (q ->> 'line')::integer, 'id', qid, 'quote_no', qno));
    end loop;
  exception when others then
    get stacked diagnostics e_state = returned_sqlstate, e_message = message_text, e_detail = pg_exception_detail,
      e_hint = pg_exception_hint, e_constraint = constraint_name;
    -- Re-raised with the file row, so the wizard names the line it stopped at.
    details := jsonb_build_object('line', current_line, 'detail', nullif(e_detail, ''))::text;
    if e_hint = '' then
      raise exception using errcode = e_state, message = e_message, detail = details, constraint = e_constraint;
    end if;
    raise exception using errcode = e_state, message = e_message, detail = details, hint = e_hint, constraint = e_constraint;
  end;
  return result;
end
$$;

revoke execute on function private.insert_import_lines(uuid, jsonb, integer) from public, anon, service_role;
grant execute on function private.insert_import_lines(uuid, jsonb, integer) to authenticated;
revoke execute on function public.import_quotations(jsonb) from public, anon, service_role;
grant execute on function public.import_quotations(jsonb) to authenticated;
