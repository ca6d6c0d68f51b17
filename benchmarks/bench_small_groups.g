# GAP side of benchmarks/bench_small_groups.py (read by the case file that script writes; GAP 4.10 or later).
#
# For every case: BSG_Group(id, gens, n, k) times the group-level questions, then BSG_Image(id, j, gens, s, t)
# the per-image ones.  Every timed call builds its own fresh group, Group(gens), inside the clock, as
# exactorbit's side does.  One untimed warm-up call first gives the answer (printed for the cross-check) and
# its duration: a call under 0.1 ms is repeated BSG_INNER times per timed run (NanosecondsSinceEpoch ticks in
# microseconds here); for a call over 1 s the warm-up's own time is the time (it too ran on a fresh group).
# Output lines (no spaces inside a field):
#   R <id> <j> <question> <inner> <median ns of one run of inner calls> <answer>
#   S <id> <j> <question> <why skipped>
# j = 0 for the group-level questions.  The caller sets BSG_RUNS, BSG_INNER, BSG_LIST_MAX.

SetPrintFormattingStatus("*stdout*", false);

BSG_Median := function(l)
  l := ShallowCopy(l);
  Sort(l);
  return l[QuoInt(Length(l) + 1, 2)];
end;

# no spaces: the answer is one field of the output line
BSG_Text := function(x)
  local s;
  s := String(x);
  RemoveCharacters(s, " \n\\");
  return s;
end;

BSG_Time := function(id, j, name, gens, call, show)
  local r, t0, t, inner, runs, times, i, k;
  t0 := NanosecondsSinceEpoch();
  r := call(Group(gens));
  t := NanosecondsSinceEpoch() - t0;
  inner := 1;
  runs := BSG_RUNS;
  times := [];
  if t < 100000 then
    inner := BSG_INNER;
  elif t > 1000000000 then   # over 1 s: the warm-up call (on its own fresh group) is the time
    runs := 0;
    times := [t];
  fi;
  for i in [1 .. runs] do
    t0 := NanosecondsSinceEpoch();
    for k in [1 .. inner] do
      call(Group(gens));
    od;
    Add(times, NanosecondsSinceEpoch() - t0);
  od;
  Print("R ", id, " ", j, " ", name, " ", inner, " ", BSG_Median(times), " ", BSG_Text(show(r)), "\n");
end;

BSG_Mask := o -> Sum(o, i -> 2^(i - 1));

# the orbit-size spectrum as size:count,size:count,... (sizes increasing)
BSG_Spectrum := function(lengths)
  return JoinStringsWithSeparator(List(Collected(lengths), p -> Concatenation(String(p[1]), ":", String(p[2]))), ",");
end;

BSG_Group := function(id, gens, n, k)
  BSG_Time(id, 0, "build", gens, G -> G, G -> true);
  BSG_Time(id, 0, "order", gens, G -> Size(G), IdFunc);
  BSG_Time(id, 0, "spectrum", gens,
           G -> List(OrbitsDomain(G, Combinations([1 .. n], k), OnSets), Length), BSG_Spectrum);
  BSG_Time(id, 0, "cycle_index", gens, G -> CycleIndex(G, [1 .. n]), IdFunc);   # all n points: fixed ones too
end;

BSG_Image := function(id, j, gens, s, t)
  local G, len;
  G := Group(gens);
  len := Size(G) / Size(Stabilizer(G, s, OnSets));   # untimed: which orbit-size method to time
  if len <= BSG_LIST_MAX then
    BSG_Time(id, j, "orbit", gens, G -> Length(Orbit(G, s, OnSets)), IdFunc);
    BSG_Time(id, j, "minimal", gens, G -> Minimum(List(Orbit(G, s, OnSets), BSG_Mask)), IdFunc);
  else
    BSG_Time(id, j, "orbit", gens, G -> Size(G) / Size(Stabilizer(G, s, OnSets)), IdFunc);
    Print("S ", id, " ", j, " minimal orbit_over_", BSG_LIST_MAX, "\n");
  fi;
  BSG_Time(id, j, "transporter", gens, G -> RepresentativeAction(G, s, t, OnSets),
           g -> g <> fail and OnSets(s, g) = t);
  BSG_Time(id, j, "transporter_same", gens, G -> RepresentativeAction(G, s, s, OnSets),
           g -> g <> fail and OnSets(s, g) = s);
  BSG_Time(id, j, "stabilizer", gens, G -> Size(Stabilizer(G, s, OnSets)), IdFunc);
end;
