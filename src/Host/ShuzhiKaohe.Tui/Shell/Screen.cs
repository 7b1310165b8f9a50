using Terminal.Gui.ViewBase;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// One screen of the console, shown inside the shell's window. A screen is a view over a view model: it declares
/// its keys once (<see cref="DeclareKeys"/>) and never touches SQL or rules.
/// </summary>
public abstract class Screen : View
{
    private KeyMap? _keys;

    protected Screen(ScreenContext context)
    {
        Context = context;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    protected ScreenContext Context { get; }

    protected IScreenHost Host => Context.Host;

    /// <summary>The screen's name in the title breadcrumb and in help, in Chinese.</summary>
    public abstract string ScreenTitle { get; }

    /// <summary>Every key this screen handles; the shell dispatches through it and help lists it.</summary>
    public KeyMap Keys => _keys ??= BuildKeys();

    /// <summary>The list that <c>/</c> filters, if the screen has one.</summary>
    public virtual IListFilter? Filter => null;

    /// <summary>Called each time the screen becomes the visible one (pushed, or uncovered by Esc): reload here.</summary>
    public virtual void OnShown()
    {
    }

    protected abstract void DeclareKeys(KeyMap keys);

    private KeyMap BuildKeys()
    {
        var map = new KeyMap();
        DeclareKeys(map);
        return map;
    }
}

/// <summary>A list a screen lets the operator narrow with <c>/</c>.</summary>
public interface IListFilter
{
    string Text { get; }

    void Apply(string text);
}
